// Near misses of the real-world rounds (their samples: realWorld3Samples.ts … realWorld7Samples.ts), as data in
// test/fixtures/knowledge/near-misses.json: text that shares an entry's words but is another failure must not get
// its confident answer ("not", "notFirst"), the entry that is right must come first ("first"), and text that is
// no failure gets nothing ("nothing"). The few checks that need more than that stay in explainRealWorld3–5.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { explain, explainLine } from '../../src/core/explain';

interface NearMiss {
  text: string;
  first?: string;
  not?: string[];
  notFirst?: string;
  nothing?: true;
}

const FILE = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'knowledge', 'near-misses.json');
const GROUPS = JSON.parse(fs.readFileSync(FILE, 'utf8')) as { round: string; title: string; cases: NearMiss[] }[];
const ids = (text: string) => explain(text).map((f) => f.id);

describe('knowledge base: near misses of the real-world rounds', () => {
  it('has its cases (the data file was read)', () => assert.ok(GROUPS.length >= 30 && GROUPS.every((g) => g.cases.length > 0)));
  for (const { round, title, cases } of GROUPS) {
    it(`${round} round: ${title}`, () => {
      for (const c of cases) {
        const found = ids(c.text);
        if (c.first !== undefined) assert.strictEqual(found[0], c.first, `${c.text.slice(0, 100)} → ${found.join(', ')}`);
        for (const id of c.not ?? []) assert.ok(!found.includes(id), `${c.text.slice(0, 100)} → ${found.join(', ')}`);
        if (c.notFirst !== undefined) assert.notStrictEqual(found[0], c.notFirst, c.text.slice(0, 100));
        if (c.nothing) assert.deepStrictEqual(explainLine(c.text), [], c.text.slice(0, 100));
      }
    });
  }
});
