// Child process for the durability tests: records into one cassette.
// argv: <serverUrl> <cassetteDir> <name> <workerId> <count> <mode: parallel|serial>
import { createCassette } from '../../src/index';

const [url, dir, name, id, count, how] = process.argv.slice(2) as [string, string, string, string, string, string];
const cassette = createCassette(name, { cassetteDir: dir, mode: 'record' });
const call = async (i: number) => {
  const response = await cassette.fetch(`${url}/w${id}/r${i}`, { method: 'POST', body: JSON.stringify({ worker: id, i }) });
  await response.text();
};
if (how === 'serial') {
  for (let i = 0; ; i++) await call(i);
} else {
  await Promise.all(Array.from({ length: Number(count) }, (_, i) => call(i)));
  await cassette.close();
  process.stdout.write('done\n');
}
