import { GoogleGenAI } from '@google/genai';
import { withGlobalCassette } from 'fetch-cassette/global';

// @google/genai has no `fetch` option: it calls the global fetch on every request. Inside
// withGlobalCassette, global fetch calls made in this async context go through the cassette.
const ai = new GoogleGenAI({}); // key from GEMINI_API_KEY, base URL from GOOGLE_GEMINI_BASE_URL

const text = await withGlobalCassette('gemini_recursion', { cassetteDir: 'test/cassettes' }, async (cassette) => {
  const response = await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: 'Explain recursion in one sentence' });
  console.log(cassette.stats());
  return response.text;
});

console.log(text);
