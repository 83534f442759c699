import { parseAllDocuments, LineCounter } from "yaml";
const src = `a: yes\nb: on\nc: 2001-12-14\nd: 0777\ne: 1_000\nf: ~\ng: 0o17\nh: !!str 12\ni: .5\nj: 1e3\nk: "x"\nl: !!binary aGVsbG8=\n`;
const lc = new LineCounter();
const docs = parseAllDocuments(src, { uniqueKeys: true, lineCounter: lc, version: "1.1", customTags: (tags) => tags.filter((t) => (t as { tag: string }).tag !== "tag:yaml.org,2002:timestamp") });
if (Array.isArray(docs)) for (const d of docs) console.log(JSON.stringify(d.toJS()), d.errors, d.warnings.map(w=>w.message));
