import { renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
  it('renders the usual Markdown', () => {
    expect(renderMarkdown('**Joint** project with _Lviv_\n\n- one\n- two')).toBe(
      '<p><strong>Joint</strong> project with <em>Lviv</em></p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n',
    );
  });

  it('makes links safe and marks them nofollow', () => {
    expect(renderMarkdown('[site](https://example.org)')).toBe(
      '<p><a href="https://example.org" rel="nofollow noopener noreferrer ugc">site</a></p>\n',
    );
    expect(renderMarkdown('[x](javascript:alert(1))')).not.toContain('href');
  });

  it.each([
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">x</a>',
    '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '<iframe src="https://evil.example"></iframe>',
    '<svg onload=alert(1)>',
  ])('renders %s inert', (payload) => {
    const tags = renderMarkdown(payload).match(/<[^>]+>/g) ?? [];
    // Only allowlisted elements remain, and none carries a handler or a script URL.
    for (const tag of tags) {
      expect(tag).toMatch(/^<\/?(p|a|strong|em|ul|ol|li|br|code|pre|blockquote|h3|h4|hr)\b/);
      expect(tag).not.toMatch(/\son\w+=|javascript:|data:/i);
    }
  });
});
