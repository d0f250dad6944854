/**
 * A reader for the common shape of plan front matter: flat `key: value` lines with plain or simply
 * quoted scalars. It exists for start-up time — loading a full YAML parser costs more than parsing
 * most plans — and it declines (returns null) on anything else (lists, nesting, anchors, block
 * scalars, escapes), so callers fall back to a real YAML parser for those.
 */
export function readFlatFrontMatter(yaml: string): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const raw of yaml.split(/\r\n|\r|\n/)) {
    const line = raw.trimEnd();
    if (line === '' || line.startsWith('#')) continue;
    const m = /^([A-Za-z_][\w.-]*)[ \t]*:(?:[ \t]+(.*))?$/.exec(line);
    if (!m) return null;
    const value = (m[2] ?? '').trim();
    if (value === '' || /^[[{&*!|>%@`]/.test(value)) return null;
    if (value.startsWith('"')) {
      if (!/^"[^"\\]*"$/.test(value)) return null;
      out[m[1]!] = value.slice(1, -1);
    } else if (value.startsWith("'")) {
      if (!/^'[^']*'$/.test(value)) return null;
      out[m[1]!] = value.slice(1, -1);
    } else {
      if (/\s#/.test(value) || value.includes(': ')) return null;
      out[m[1]!] = value;
    }
  }
  return out;
}
