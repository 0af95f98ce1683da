// Linked into every executable of a sanitizer build (AGENTFOLIO_SANITIZE), so that a test,
// the app or a benchmark run by hand behaves as it does in CI. ASAN_OPTIONS, UBSAN_OPTIONS
// and LSAN_OPTIONS in the environment still override these.

#define AGENTFOLIO_SANITIZER_HOOK extern "C" __attribute__((used, visibility("default")))

AGENTFOLIO_SANITIZER_HOOK const char *__asan_default_options()
{
    return "detect_leaks=1:detect_stack_use_after_return=1:check_initialization_order=1:"
           "strict_init_order=1:strict_string_checks=1";
}

AGENTFOLIO_SANITIZER_HOOK const char *__ubsan_default_options()
{
    return "print_stacktrace=1:halt_on_error=1";
}

// Leaks reported in libraries that are not ours and that we cannot free: each entry names
// the library and why. Never a suppression of Agentfolio's own code.
AGENTFOLIO_SANITIZER_HOOK const char *__lsan_default_suppressions()
{
    return "";
}
