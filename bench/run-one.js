// One benchmark module in its own process: node bench/run-one.js <module> <export> <full|quick>.
// A file, not `node -e`: worker threads inherit the parent's flags, and --input-type breaks them.
const [modulePath, fn, scale] = process.argv.slice(2);
try {
  const m = await import(modulePath);
  const figures = await m[fn](scale);
  process.stdout.write('\n@@RESULT@@' + JSON.stringify(figures) + '\n');
  process.exit(0);
} catch (err) {
  console.error(err?.stack ?? err);
  process.exit(1);
}
