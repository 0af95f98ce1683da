// agentfolio-sandbox: the API emulator without the GUI, for curl, scripts and other clients.

#include "domain/validation.h"
#include "sandbox/sandboxserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QTextStream>
#include <QUuid>
#include <cstdio>

#ifdef Q_OS_UNIX
#include <QSocketNotifier>
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace {

// The seed page's example request: 2000 dollars, "MyPort1", scopes 200 and 202.
QString seedBody(const QString &expiresAt)
{
    return QStringLiteral("{\n"
                          "  \"investmentAmountInUsd\": 2000,\n"
                          "  \"agentPortfolioName\": \"MyPort1\",\n"
                          "  \"userTokenName\": \"my-trading-token\",\n"
                          "  \"scopeIds\": [\n    200,\n    202\n  ],\n"
                          "  \"agentPortfolioDescription\": \"My trading portfolio\",\n"
                          "  \"ipsWhitelist\": [\n    \"192.168.1.1\"\n  ],\n"
                          "  \"expiresAt\": \"%1\"\n"
                          "}")
        .arg(expiresAt);
}

// The seed's expiry, or the end of next year once the seed's date has passed (the sandbox
// refuses an expiry in the past, so the example must stay pasteable).
QString exampleExpiry()
{
    const QDateTime seed =
        QDateTime::fromString(QStringLiteral("2026-12-31T23:59:59Z"), Qt::ISODate);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (seed > now)
        return agentfolio::Validation::formatExpiry(seed);
    return QStringLiteral("%1-12-31T23:59:59Z").arg(now.date().year() + 1);
}

QString curlExample(const QUrl &baseUrl)
{
    const QString url = baseUrl.toString() + QStringLiteral("/api/v1/agent-portfolios");
    // The built-in sandbox keys are public constants, not secrets.
    return QStringLiteral("curl --request POST \\\n"
                          "  --url %1 \\\n"
                          "  --header 'Content-Type: application/json' \\\n"
                          "  --header 'x-api-key: %2' \\\n"
                          "  --header 'x-request-id: %3' \\\n"
                          "  --header 'x-user-key: %4' \\\n"
                          "  --data '\n%5\n'")
        .arg(url, agentfolio::SandboxServer::builtInApiKey(),
             QUuid::createUuid().toString(QUuid::WithoutBraces),
             agentfolio::SandboxServer::builtInUserKey(), seedBody(exampleExpiry()));
}

#ifdef Q_OS_UNIX
// SIGINT and SIGTERM end the event loop through a socket pair, the one thing a signal handler
// may safely do; the server then goes down with its state saved.
int signalSockets[2] = { -1, -1 };

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalSockets[0], &byte, 1);
}

void quitOnSignals(QCoreApplication *app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalSockets) != 0)
        return;
    auto *notifier = new QSocketNotifier(signalSockets[1], QSocketNotifier::Read, app);
    QObject::connect(notifier, &QSocketNotifier::activated, app, [notifier] {
        notifier->setEnabled(false);
        char byte;
        [[maybe_unused]] const auto got = ::read(signalSockets[1], &byte, 1);
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}
#endif

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // The same names as the GUI, so that defaultStateFile() is the app's data directory.
    QCoreApplication::setApplicationName(QStringLiteral("agentfolio"));
    QCoreApplication::setOrganizationName(QStringLiteral("agentfolio"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("agentfolio.github.io"));
    QCoreApplication::setApplicationVersion(QStringLiteral(AGENTFOLIO_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main",
        "Runs the Agentfolio sandbox: an emulator of eToro's agent-portfolio API on "
        "127.0.0.1, for use without an eToro account."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption portOption(
        QStringLiteral("port"),
        QCoreApplication::translate("main",
                                    "The port to listen on (0, the default: any free one)."),
        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption stateOption(
        QStringLiteral("state"),
        QCoreApplication::translate("main",
                                    "The JSON file that keeps the sandbox's portfolios (default: "
                                    "%1; empty: keep them in memory only).")
            .arg(agentfolio::SandboxServer::defaultStateFile()),
        QStringLiteral("FILE"), agentfolio::SandboxServer::defaultStateFile());
    parser.addOption(portOption);
    parser.addOption(stateOption);
    parser.process(app);

    QTextStream err(stderr);
    bool portOk = false;
    const uint port = parser.value(portOption).toUInt(&portOk);
    if (!portOk || port > 65535) {
        err << QCoreApplication::translate("main",
                                           "agentfolio-sandbox: --port expects a number from 0 "
                                           "to 65535, not \"%1\".")
                   .arg(parser.value(portOption))
            << Qt::endl;
        return 2;
    }

    agentfolio::SandboxServer server;
    server.setStateFile(parser.value(stateOption));
    if (server.start(quint16(port)) == 0) {
        err << QCoreApplication::translate("main",
                                           "agentfolio-sandbox: cannot listen on 127.0.0.1 port "
                                           "%1.")
                   .arg(port)
            << Qt::endl;
        return 1;
    }

    // The first line is for programs (tests, scripts) that start the sandbox and need its URL.
    QTextStream out(stdout);
    out << "Agentfolio sandbox listening on " << server.baseUrl().toString() << Qt::endl;
    out << QCoreApplication::translate("main", "State file: %1")
               .arg(server.stateFile().isEmpty()
                        ? QCoreApplication::translate("main", "none (in memory only)")
                        : server.stateFile())
        << "\n"
        << QCoreApplication::translate("main", "Try it:") << "\n"
        << curlExample(server.baseUrl()) << "\n"
        << Qt::endl;

#ifdef Q_OS_UNIX
    quitOnSignals(&app);
#endif
    const int code = QCoreApplication::exec();
    err << QCoreApplication::translate("main", "agentfolio-sandbox: stopped.") << Qt::endl;
    return code;
}
