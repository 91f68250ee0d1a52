// The host page's own script: it must keep working whatever the widgets do.
const output = document.getElementById('host-output');
document.getElementById('host-button').addEventListener('click', () => {
  output.value = String(Number(output.value) + 1);
});
