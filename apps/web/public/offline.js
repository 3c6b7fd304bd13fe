// The offline page's only behaviour, in a file of its own: the content security policy forbids inline handlers.
document.getElementById('reload')?.addEventListener('click', () => location.reload());
