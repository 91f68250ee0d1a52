fn main() {
    // Panic messages in the console while developing; a release build aborts without them
    // (the hook and its formatting weigh about 0.75 KB brotli).
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    offres::mount();
}
