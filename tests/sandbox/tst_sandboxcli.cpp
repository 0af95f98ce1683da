#include "sandboxtestclient.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace agentfolio::test;

// agentfolio-sandbox, run as a process the way a person or a script runs it.
class TestSandboxCli : public QObject
{
    Q_OBJECT

private slots:
    void printsItsUrlAndAnswers();
    void printedExampleCreatesAPortfolio();
    void badPort_data();
    void badPort();
    void busyPortFails();
    void helpAndVersion();

private:
    // Starts the binary; returns its base URL from the first line (empty on failure).
    static QUrl start(QProcess *process, const QStringList &arguments);
    static void stop(QProcess *process);
};

QUrl TestSandboxCli::start(QProcess *process, const QStringList &arguments)
{
    process->setProgram(QStringLiteral(AGENTFOLIO_SANDBOX_BIN));
    process->setArguments(arguments);
    process->start();
    if (!process->waitForStarted(10000))
        return {};
    QElapsedTimer timer;
    timer.start();
    while (!process->canReadLine() && timer.elapsed() < 20000)
        process->waitForReadyRead(1000);
    const QString first = QString::fromUtf8(process->readLine()).trimmed();
    static const QRegularExpression pattern(
        QStringLiteral("^Agentfolio sandbox listening on (http://127\\.0\\.0\\.1:\\d+)$"));
    const auto match = pattern.match(first);
    if (!match.hasMatch()) {
        qWarning() << "unexpected first line:" << first;
        return {};
    }
    return QUrl(match.captured(1));
}

void TestSandboxCli::stop(QProcess *process)
{
    if (process->state() != QProcess::NotRunning) {
        process->terminate(); // SIGTERM: the sandbox quits cleanly
        if (!process->waitForFinished(10000))
            process->kill();
    }
}

void TestSandboxCli::printsItsUrlAndAnswers()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString state = dir.filePath(QStringLiteral("state.json"));
    QProcess process;
    const QUrl url =
        start(&process,
              { QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--state"), state });
    QVERIFY(url.isValid());
    QVERIFY(url.port() > 0);

    SandboxTestClient client(url);
    const Answer answer = client.send("GET", QStringLiteral("/api/v1/agent-portfolios"));
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.json().value(QStringLiteral("agentPortfolios")).toArray().size(), 0);

    stop(&process);
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
}

void TestSandboxCli::printedExampleCreatesAPortfolio()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString state = dir.filePath(QStringLiteral("state.json"));
    QProcess process;
    const QUrl url =
        start(&process,
              { QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--state"), state });
    QVERIFY(url.isValid());

    // The rest of the banner: a curl command ending with the closing quote of --data.
    QByteArray banner;
    QElapsedTimer timer;
    timer.start();
    while (!banner.contains("\n'\n") && timer.elapsed() < 20000) {
        process.waitForReadyRead(500);
        banner += process.readAllStandardOutput();
    }
    const QString text = QString::fromUtf8(banner);
    QVERIFY2(text.contains(QStringLiteral("curl --request POST")), banner.constData());

    // Take the command apart as a shell would and send it as it is.
    const QRegularExpression urlPattern(QStringLiteral("--url (\\S+)"));
    const QRegularExpression headerPattern(QStringLiteral("--header '([^:]+): ([^']*)'"));
    const QRegularExpression dataPattern(QStringLiteral("--data '([^']*)'"));
    const auto urlMatch = urlPattern.match(text);
    const auto dataMatch = dataPattern.match(text);
    QVERIFY(urlMatch.hasMatch());
    QVERIFY(dataMatch.hasMatch());
    const QUrl target(urlMatch.captured(1));
    QCOMPARE(target.host(), url.host());
    QCOMPARE(target.port(), url.port());
    Headers headers;
    for (auto it = headerPattern.globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        if (match.captured(1).compare(QStringLiteral("Content-Type"), Qt::CaseInsensitive) != 0)
            headers.append({ match.captured(1).toLatin1(), match.captured(2).toLatin1() });
    }
    QCOMPARE(headers.size(), 3);

    SandboxTestClient client(url);
    const Answer answer =
        client.send("POST", target.path(), dataMatch.captured(1).toUtf8(), headers);
    QCOMPARE(answer.status, 201);
    QCOMPARE(answer.json().value(QStringLiteral("agentPortfolioName")).toString(),
             QStringLiteral("MyPort1"));

    // Quit with SIGTERM: the portfolio is in the state file, its secret is not.
    stop(&process);
    QCOMPARE(process.exitCode(), 0);
    QFile file(state);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray saved = file.readAll();
    QVERIFY(saved.contains("\"MyPort1\""));
    QVERIFY(!saved.contains("sk_sandbox_"));

    // A restart on the same file keeps the portfolio.
    QProcess again;
    const QUrl url2 = start(&again, { QStringLiteral("--state"), state });
    QVERIFY(url2.isValid());
    SandboxTestClient client2(url2);
    const Answer list = client2.send("GET", QStringLiteral("/api/v1/agent-portfolios"));
    QCOMPARE(list.json().value(QStringLiteral("agentPortfolios")).toArray().size(), 1);
    stop(&again);
}

void TestSandboxCli::badPort_data()
{
    QTest::addColumn<QString>("port");
    QTest::newRow("text") << QStringLiteral("http");
    QTest::newRow("negative") << QStringLiteral("-1");
    QTest::newRow("too large") << QStringLiteral("65536");
    QTest::newRow("empty") << QString();
}

void TestSandboxCli::badPort()
{
    QFETCH(QString, port);
    QProcess process;
    process.start(QStringLiteral(AGENTFOLIO_SANDBOX_BIN),
                  { QStringLiteral("--port"), port, QStringLiteral("--state"), QString() });
    QVERIFY(process.waitForFinished(20000));
    QCOMPARE(process.exitCode(), 2);
    QVERIFY(process.readAllStandardOutput().isEmpty());
    QVERIFY(process.readAllStandardError().contains("--port"));
}

void TestSandboxCli::busyPortFails()
{
    QProcess first;
    const QUrl url = start(&first, { QStringLiteral("--state"), QString() });
    QVERIFY(url.isValid());
    QProcess second;
    second.start(QStringLiteral(AGENTFOLIO_SANDBOX_BIN),
                 { QStringLiteral("--port"), QString::number(url.port()), QStringLiteral("--state"),
                   QString() });
    QVERIFY(second.waitForFinished(20000));
    QCOMPARE(second.exitCode(), 1);
    QVERIFY(second.readAllStandardError().contains("cannot listen"));
    stop(&first);
}

void TestSandboxCli::helpAndVersion()
{
    QProcess help;
    help.start(QStringLiteral(AGENTFOLIO_SANDBOX_BIN), { QStringLiteral("--help") });
    QVERIFY(help.waitForFinished(20000));
    QCOMPARE(help.exitCode(), 0);
    const QByteArray text = help.readAllStandardOutput();
    QVERIFY(text.contains("--port"));
    QVERIFY(text.contains("--state"));

    QProcess version;
    version.start(QStringLiteral(AGENTFOLIO_SANDBOX_BIN), { QStringLiteral("--version") });
    QVERIFY(version.waitForFinished(20000));
    QCOMPARE(version.exitCode(), 0);
    QVERIFY(version.readAllStandardOutput().contains(AGENTFOLIO_VERSION));
}

QTEST_GUILESS_MAIN(TestSandboxCli)
#include "tst_sandboxcli.moc"
