#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
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

} // namespace

int main(int argc, char *argv[])
{
    std::unique_ptr<QCoreApplication> app;
    if (onlyWantsText(argc, argv))
        app = std::make_unique<QCoreApplication>(argc, argv);
    else
        app = std::make_unique<QApplication>(argc, argv);
    describeApplication();

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main",
                                    "Create eToro agent portfolios and keep their tokens "
                                    "in the system keychain."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(*app);

    QApplication::setApplicationDisplayName(QStringLiteral("Agentfolio"));
    QApplication::setDesktopFileName(QStringLiteral("io.github.agentfolio.Agentfolio"));
    agentfolio::MainWindow window;
    window.show();
    return app->exec();
}
