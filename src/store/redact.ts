// Store URLs as they may be shown in logs and messages: no user info, no password parameter.
// libpq reads a password from the user info (which may itself hold "@" or "/") or from
// `?password=`; both are hidden, and a URL that cannot be read is hidden whole.

/** Query parameters that carry a secret (password, sslpassword, and the like). */
const SECRET_PARAM = /pass|secret|token/i;

/**
 * `postgres://user:p@ss@host/db?password=x` → `postgres://<mark>host/db?password=***`.
 * `mark` stands where user info was (empty: nothing).
 */
export function redactUrl(url: string, mark = ''): string {
  const m = /^([a-z][a-z0-9+.-]*:\/\/)(.*)$/is.exec(url.trim());
  if (!m) return '(a URL that cannot be read; not shown)';
  const [, scheme, rest] = m as unknown as [string, string, string];
  // User info runs to the LAST "@" before the query: an unescaped "@" or "/" in a password
  // would otherwise make URL (and a regex) cut it in two and show the second half as the host.
  const end = rest.search(/[?#]/);
  const authorityAndPath = end < 0 ? rest : rest.slice(0, end);
  const at = authorityAndPath.lastIndexOf('@');
  const hadUser = at >= 0;
  const tail = hadUser ? rest.slice(at + 1) : rest;
  let parsed: URL;
  try {
    parsed = new URL(`${scheme}${tail}`);
  } catch {
    return `${scheme}${hadUser ? mark : ''}(not shown: the URL cannot be read)`;
  }
  parsed.username = '';
  parsed.password = '';
  // Rebuilt by hand, not with URLSearchParams, so the other parameters read as they were written.
  const query = parsed.search
    .slice(1)
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name);
      } catch {
        // keep it as written
      }
      return SECRET_PARAM.test(decoded) ? `${name}=***` : pair;
    });
  return `${scheme}${hadUser ? mark : ''}${parsed.host}${parsed.pathname}${query.length ? `?${query.join('&')}` : ''}`;
}
