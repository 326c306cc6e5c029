/** The staff panel's "page not found" page: loaded with that page only (see staff-page-strings.ts). */
export const notFoundStrings = {
  title: 'Page not found',
  body: (path: string) => `There is no page at ${path}. The link may be mistyped, or the page may have moved.`,
  back: { '/agent': 'Go to the panel', '/supervisor': 'Go to the supervisor page', '/admin': 'Go to the admin pages' },
};
