// `npm run openapi:types`: starts a server, reads its OpenAPI document and writes the typed paths integrators (and the tests) use.
import fs from 'node:fs';
import { API_TYPES_FILE, generateApiTypes, servedDocument } from './openapi-tools.ts';
import { startTestServer } from './test-server.ts';

const server = await startTestServer();
try {
  fs.writeFileSync(API_TYPES_FILE, await generateApiTypes(await servedDocument(server)));
  console.log(`wrote ${API_TYPES_FILE}`);
} finally {
  await server.close();
}
