# Sourced by scripts/setup.sh and scripts/build.sh: the nightly toolchain that builds the app's
# release module. Only that build uses it: it rebuilds the standard library (rust-src) with panics
# as a bare trap (`-Cpanic=immediate-abort`, unstable), which takes core's panic and formatting
# machinery out of the module: 12 KB brotli of the first view (README, "Where the wasm's bytes
# go"). Everything else (the CLI, the tests, clippy) uses the stable toolchain.
# Pinned: the flag's name has changed before (it was a std feature, `panic_immediate_abort`). The
# machine's `nightly` is used when it is that build; otherwise the dated toolchain is installed.
NIGHTLY_BUILD="1.97.0-nightly (e50aa6fba 2026-05-19)"
if rustc +nightly --version 2>/dev/null | grep -qF "$NIGHTLY_BUILD"; then
  NIGHTLY=nightly
else
  NIGHTLY=nightly-2026-05-20
fi
