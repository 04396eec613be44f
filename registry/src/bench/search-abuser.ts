import { abusiveBodies } from './search-mix.js';

/**
 * The abusive client of the search benchmark, in a process of its own:
 * `node search-abuser.js <registry url> <ms>` sends the abusive requests one
 * after another until the time is up, then prints how each was answered.
 */
const [url, ms] = [process.argv[2], Number(process.argv[3])];
const bodies = abusiveBodies().map((b) => ({ name: b.name, body: JSON.stringify(b.body) }));
const answers: Record<string, Record<string, number>> = {};
const end = Date.now() + ms;
for (let k = 0; Date.now() < end; k++) {
  const { name, body } = bodies[k % bodies.length];
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  await res.arrayBuffer();
  answers[name] ??= {};
  answers[name][res.status] = (answers[name][res.status] ?? 0) + 1;
}
process.stdout.write(JSON.stringify(answers) + '\n');
