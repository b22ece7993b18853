// The receipt's print button (no inline scripts: the console's CSP forbids them).
/* global window, document */
document.querySelectorAll('[data-print]').forEach((b) => b.addEventListener('click', () => window.print()));
