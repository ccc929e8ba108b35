// Turns markdown inline content (a table cell, a paragraph, a list item) into clean plain
// text. Lists written inside cells — "- a \n - b" with a literal backslash-n, "<br>", or
// "<ul><li>" HTML — become "• " lines, so the list survives without any markup.
import { DecodingMode, decodeHTML } from 'entities';
import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import { squeeze } from '../strings.js';

export interface LinkContext {
  /** Page of the document, for in-page anchors ("#mirroring"); null when unknown. */
  pageUrl: string | null;
}

const DOCS_HOST = 'https://cloud.ibm.com';

/** Relative IBM docs links made absolute; in-page anchors resolved against the page. */
export function absoluteUrl(href: string, ctx: LinkContext): string | null {
  const h = href.trim();
  if (/^https?:\/\//i.test(h)) return h;
  if (h.startsWith('/')) return DOCS_HOST + h;
  if (h.startsWith('#')) return ctx.pageUrl ? ctx.pageUrl.replace(/#.*$/, '') + h : null;
  if (/^mailto:/i.test(h)) return h;
  return null;
}

function htmlToText(html: string, links: string[], ctx: LinkContext): string {
  let out = '';
  const tag = /<\s*(\/?)\s*([a-zA-Z0-9]+)([^>]*)>/g;
  let last = 0;
  for (const m of html.matchAll(tag)) {
    out += html.slice(last, m.index);
    last = m.index + m[0].length;
    const closing = m[1] === '/';
    const name = m[2]!.toLowerCase();
    const attrs = m[3] ?? '';
    if (name === 'br' || name === 'p' || name === 'ul' || name === 'ol' || name === 'div') out += '\n';
    else if (name === 'li') out += closing ? '\n' : '\n• ';
    else if (name === 'a' && !closing) {
      const href = /href\s*=\s*["']([^"']*)["']/i.exec(attrs)?.[1];
      const url = href ? absoluteUrl(href, ctx) : null;
      if (url) links.push(url);
    } else if (name === 'img') {
      const alt = /alt\s*=\s*["']([^"']*)["']/i.exec(attrs)?.[1];
      if (alt) out += alt;
    }
  }
  out += html.slice(last);
  // Raw HTML keeps its character references (remark decodes them only in markdown text): every
  // named and numeric one is decoded here, in one pass, so "&amp;lt;" stays "&lt;". Strict (a ";"
  // ends each), as in markdown, so "?a=1&region=us" in a link text is left alone. Escaping for
  // each platform happens when a message is rendered.
  return decodeHTML(out, DecodingMode.Strict);
}

function collect(node: Nodes, links: string[], ctx: LinkContext): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'html':
      return htmlToText(node.value, links, ctx);
    case 'break':
      return '\n';
    case 'image':
      return node.alt ?? '';
    case 'link': {
      const url = absoluteUrl(node.url, ctx);
      if (url) links.push(url);
      return node.children.map((c) => collect(c, links, ctx)).join('');
    }
    case 'list':
      return node.children.map((item) => '\n• ' + collect(item, links, ctx).trim()).join('') + '\n';
    case 'code':
      return '\n' + node.value + '\n';
    default:
      if ('children' in node) {
        const sep = node.type === 'listItem' || node.type === 'blockquote' || node.type === 'root' ? '\n' : '';
        return (node.children as Nodes[]).map((c) => collect(c, links, ctx)).join(sep);
      }
      return '';
  }
}

/** Lines that start like a bullet ("- ", "* ", "• ") become "• " lines; blank lines go. */
export function tidyText(raw: string): string {
  const text = raw
    .replace(/\\n/g, '\n')
    .replace(/<\/?[a-zA-Z][^>\n]*>/g, '')
    .replace(/\{:[^{}\n]*\}/g, '');
  const lines = squeeze(text)
    .split('\n')
    .map((l) => l.replace(/^(?:[-*+•]|\d+\.)\s+/, '• ').replace(/^[-*+•]$/, ''))
    .filter((l) => l !== '');
  // A lone "• " fragment that continues the previous line (e.g. "a \n b" without a marker) stays a line.
  return lines.join('\n');
}

export interface InlineText {
  text: string;
  links: string[];
}

export function inlineText(nodes: ReadonlyArray<PhrasingContent | RootContent>, ctx: LinkContext): InlineText {
  const links: string[] = [];
  const raw = nodes.map((n) => collect(n as Nodes, links, ctx)).join('');
  return { text: tidyText(raw), links: [...new Set(links)] };
}
