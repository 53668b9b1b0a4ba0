// Preloaded (before dynohot) into applications under test that would otherwise finish at once:
// dynohot's watcher deliberately does not keep a process alive, and a test needs the process to
// stay for its edits.
setInterval(() => {}, 2 ** 30);
