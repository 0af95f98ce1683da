#include "aboutdialog.h"
#include "deferrediconstyle.h"
#include "firstshow.h"
#include "fontconfigwarmup.h"
#include "mainwindow.h"
#include "session/createflow.h"
#include "session/session.h"
#include "session/translations.h"
#include "store/indexpreload.h"
#include "store/profilestore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLoggingCategory>
#include <QUrl>
#include <cstdio>
#include <memory>

namespace {

// --help and --version must work where there is no display (a terminal over ssh,
// a package check in CI), so they are answered before any GUI is created.
bool onlyWantsText(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "-h" || arg == "--help" || arg == "-?" || arg == "--help-all" || arg == "-v"
            || arg == "--version")
            return true;
    }
    return false;
}

void describeApplication()
{
    QCoreApplication::setApplicationName(QStringLiteral("agentfolio"));
    QCoreApplication::setOrganizationName(QStringLiteral("agentfolio"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("agentfolio.github.io"));
    QCoreApplication::setApplicationVersion(QStringLiteral(AGENTFOLIO_VERSION));
}

int usageError(const QString &message)
{
    std::fprintf(stderr, "agentfolio: %s\n", qPrintable(message));
    return 2;
}

} // namespace

int main(int argc, char *argv[])
{
    // Quiet by default: warnings only. QT_LOGGING_RULES (evaluated after these) turns
    // any module's debug output back on, e.g. QT_LOGGING_RULES="agentfolio.api.debug=true".
    QLoggingCategory::setFilterRules(
        QStringLiteral("agentfolio.*.debug=false\nagentfolio.*.info=false"));
    std::unique_ptr<QCoreApplication> app;
    std::shared_ptr<agentfolio::IndexPreload> indexPreload;
    std::unique_ptr<agentfolio::FontconfigWarmUp> fonts;
    if (onlyWantsText(argc, argv)) {
        app = std::make_unique<QCoreApplication>(argc, argv);
    } else {
        fonts = std::make_unique<agentfolio::FontconfigWarmUp>();
        // The index is read on a thread of its own while Qt starts and the window is
        // built; the names make its standard path known before the application exists.
        describeApplication();
        indexPreload =
            std::make_shared<agentfolio::IndexPreload>(agentfolio::PortfolioIndex::defaultPath());
        app = std::make_unique<QApplication>(argc, argv);
    }
    describeApplication();
    agentfolio::installTranslations(*app);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main",
                                    "Create eToro agent portfolios and keep their tokens "
                                    "in the system keychain."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption sandbox(
        QStringLiteral("sandbox"),
        QCoreApplication::translate("main",
                                    "Start on the built-in sandbox, whatever accounts exist."));
    const QCommandLineOption profile(
        QStringLiteral("profile"),
        QCoreApplication::translate("main", "Start on the account with this id."),
        QCoreApplication::translate("main", "id"));
    const QCommandLineOption baseUrl(
        QStringLiteral("api-base-url"),
        QCoreApplication::translate("main",
                                    "Send a real account's requests to this server "
                                    "(https; plain http only to this computer)."),
        QCoreApplication::translate("main", "url"));
    parser.addOptions({ sandbox, profile, baseUrl });
    parser.process(*app);
    // "-h" or "-v" taken as an option's value ("--profile -h") chose the text-only start;
    // with no help or version asked for after all, there is no window to show.
    if (!fonts)
        return usageError(QCoreApplication::translate("main", "an option is missing its value"));
    if (!parser.positionalArguments().isEmpty())
        return usageError(QCoreApplication::translate("main", "unexpected argument \"%1\"")
                              .arg(parser.positionalArguments().constFirst()));
    if (parser.isSet(sandbox) && parser.isSet(profile))
        return usageError(
            QCoreApplication::translate("main", "--sandbox and --profile exclude each other"));

    QApplication::setApplicationDisplayName(QStringLiteral("Agentfolio"));
    QApplication::setDesktopFileName(QStringLiteral("io.github.agentfolio.Agentfolio"));

    agentfolio::SessionOptions options;
    options.indexPreload = indexPreload;
    agentfolio::Session session(options);
    if (parser.isSet(baseUrl)) {
        QString why;
        if (!session.setBaseUrlOverride(QUrl(parser.value(baseUrl)), &why))
            return usageError(QCoreApplication::translate("main", "--api-base-url: %1").arg(why));
    }
    // With no real account yet, a newcomer starts on the sandbox and can try everything.
    QString start = session.profiles()->activeProfileId();
    if (parser.isSet(profile)) {
        start = parser.value(profile);
        if (!session.profiles()->contains(start))
            return usageError(
                QCoreApplication::translate("main", "no account with id \"%1\"").arg(start));
    }
    if (parser.isSet(sandbox) || !session.profiles()->contains(start))
        start = agentfolio::Profile::sandboxId();

    // The style the user or the desktop chose, minus an icon load the window does not need.
    QApplication::setStyle(new agentfolio::DeferredIconStyle(QApplication::style()->name()));
    fonts->wait(); // the window's construction is the first to use a font
    agentfolio::MainWindow window(&session);
    // A create that Agentfolio stopped before settling (the window's CreateFlow took it up) is
    // checked from the account it was sent for, whatever was asked: until it is, no create
    // may be sent.
    if (const agentfolio::CreateFlow *flow = window.createFlow();
        flow->state() == agentfolio::CreateFlow::State::OutcomeUnknown)
        start = flow->profileId();
    session.loadIndex(); // the preload has had the window's construction to finish
    if (agentfolio::quitAfterFirstShowRequested()) {
        // The start-up benchmark (tests/bench/startup-budget.sh): everything up to the first
        // shown window, as below, and nothing of what follows it. exit(), not quit(): quit()
        // closes the window as a user would, and a closed window writes its geometry to the
        // settings file, which is quitting's work, not starting's (the minimal program exits
        // the same way).
        session.select(start);
        agentfolio::afterFirstShow(&window, [] { QCoreApplication::exit(0); });
    } else {
        // The window comes first: the keychain (which may prompt or hang) and the sandbox's
        // server are touched only once it is on screen.
        window.activateAfterFirstShow(start);
        // So is the window icon: decoding its PNGs took about 5 % of the work before the first
        // show. Meanwhile desktops take the icon from the .desktop file (setDesktopFileName).
        agentfolio::afterFirstShow(&window, [] {
            QApplication::setWindowIcon(agentfolio::AboutDialog::applicationWindowIcon());
        });
    }
    window.show();
    return app->exec();
}
