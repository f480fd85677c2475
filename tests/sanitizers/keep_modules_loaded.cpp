// Linked into every executable of the sanitizer build only (cmake/ProjectOptions.cmake): dlclose does
// nothing, so shared objects stay mapped until the process ends. Mesa unloads its driver when the GL
// context goes away; LeakSanitizer then reports the driver's process-lifetime caches with frames it can
// no longer name ("<unknown module>"), and no suppression can match them. Kept loaded, the frames name
// Mesa's libraries and tests/sanitizers/lsan.supp applies, while a leak in our own code still fails.
extern "C" int dlclose(void* /*handle*/) {
    return 0;
}
