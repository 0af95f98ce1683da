#pragma once

// What every harness shares: a QCoreApplication (tr(), QLocale, the file system watcher of
// the index want one), Qt's messages kept quiet (a corrupt index warns on every run), and
// FUZZ_CHECK, which stops the run on a broken invariant so libFuzzer keeps the input.

#include <QCoreApplication>
#include <QString>
#include <QtGlobal>
#include <cstdio>
#include <cstdlib>

namespace fuzz {

[[noreturn]] inline void violated(const char *what, const char *file, int line)
{
    // Only the invariant's name: never the input, which may hold a (fake) secret.
    std::fprintf(stderr, "INVARIANT VIOLATED: %s (%s:%d)\n", what, file, line);
    std::fflush(stderr);
    std::abort();
}

inline void quietMessages(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtFatalMsg) {
        std::fprintf(stderr, "qFatal: %s\n", qPrintable(message));
        std::abort();
    }
}

// Once per process, from LLVMFuzzerInitialize.
inline void initQt(int *argc, char ***argv)
{
    qInstallMessageHandler(quietMessages);
    // A fixed zone and locale: what a harness checks must not depend on the machine.
    qputenv("TZ", "UTC");
    qputenv("LC_ALL", "C");
    static int qtArgc = 1;
    static char *qtArgv[] = { (*argc > 0 ? (*argv)[0] : const_cast<char *>("fuzz")), nullptr };
    static QCoreApplication app(qtArgc, qtArgv);
    Q_UNUSED(app);
}

} // namespace fuzz

#define FUZZ_CHECK(condition, what)                                                                \
    do {                                                                                           \
        if (!(condition))                                                                          \
            ::fuzz::violated(what, __FILE__, __LINE__);                                            \
    } while (false)
