// Sets the light or dark scheme on the html element before the first paint, so a page never
// flashes the wrong colours while its scripts load (a file, not inline: the CSP allows only
// scripts from the site). The staff panel uses the choice remembered in this browser; the web chat
// (data-follow-system) and anyone who chose "system" get the operating system's setting.
(function () {
  var mode = 'system';
  try {
    var script = document.currentScript;
    if (!(script && script.hasAttribute('data-follow-system'))) mode = localStorage.getItem('cp-color-scheme') || 'system';
  } catch (e) {
    // Storage blocked: follow the system.
  }
  if (mode !== 'light' && mode !== 'dark') mode = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  var root = document.documentElement;
  root.classList.remove('light', 'dark');
  root.classList.add(mode);
  root.style.colorScheme = mode;
})();
