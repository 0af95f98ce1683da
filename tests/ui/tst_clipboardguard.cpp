#include "clipboardguard.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>

using namespace agentfolio;
using namespace std::chrono_literals;

namespace {

const QString TokenValue = QStringLiteral("sk_live_a1b2c3d4e5f6a7b8c9d0");
const QString KdeHint = QStringLiteral("x-kde-passwordManagerHint");

QClipboard *board()
{
    return QGuiApplication::clipboard();
}

QString clipboardText()
{
    return board()->text(QClipboard::Clipboard);
}

// Every message logged while installed, to check that no secret reaches a log.
QStringList *g_messages = nullptr;
QtMessageHandler g_previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (g_messages)
        g_messages->append(message);
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

} // namespace

class tst_ClipboardGuard : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void secretCarriesPasswordManagerHint();
    void selectionGetsItsOwnCopy();
    void plainTextCarriesNoHintAndNoCountdown();
    void clearedAfterCountdown_data();
    void clearedAfterCountdown();
    void newerContentIsLeftAlone();
    void clearNow();
    void clearNowLeavesNewerContent();
    void destructor_data();
    void destructor();
    void aboutToQuitClears();
    void zeroDelayNeverClears();
    void secondCopyRestartsCountdown();
    void uncountedCopyEndsTheRunningCountdown();
    void copyTextEndsTheSecretsCountdown();
    void secretIsNeverLogged();
};

void tst_ClipboardGuard::init()
{
    board()->clear(QClipboard::Clipboard);
    if (board()->supportsSelection())
        board()->clear(QClipboard::Selection);
}

void tst_ClipboardGuard::cleanup()
{
    init();
}

void tst_ClipboardGuard::secretCarriesPasswordManagerHint()
{
    ClipboardGuard guard;
    QSignalSpy copied(&guard, &ClipboardGuard::copied);
    guard.copySecret(Secret(TokenValue));

    QCOMPARE(copied.count(), 1);
    const QMimeData *mime = board()->mimeData(QClipboard::Clipboard);
    QVERIFY(mime);
    QCOMPARE(mime->text(), TokenValue);
    QVERIFY(mime->hasFormat(KdeHint));
    QCOMPARE(mime->data(KdeHint), QByteArrayLiteral("secret"));
    QCOMPARE(guard.secondsLeft(), 30);
    QVERIFY(guard.isGuarding());
}

void tst_ClipboardGuard::selectionGetsItsOwnCopy()
{
    if (!board()->supportsSelection())
        QSKIP("this platform has no selection clipboard (X11 only)");
    ClipboardGuard guard;
    guard.copySecret(Secret(TokenValue));
    const QMimeData *selection = board()->mimeData(QClipboard::Selection);
    QVERIFY(selection);
    QCOMPARE(selection->text(), TokenValue);
    QCOMPARE(selection->data(KdeHint), QByteArrayLiteral("secret"));
    QVERIFY(selection != board()->mimeData(QClipboard::Clipboard));
    guard.clearNow();
    QCOMPARE(board()->text(QClipboard::Selection), QString());
}

void tst_ClipboardGuard::plainTextCarriesNoHintAndNoCountdown()
{
    ClipboardGuard guard;
    QSignalSpy copied(&guard, &ClipboardGuard::copied);
    QSignalSpy countdown(&guard, &ClipboardGuard::countdownChanged);
    const QString id = QStringLiteral("a1b2c3d4-e5f6-7890-abcd-ef1234567890");
    guard.copyText(id);

    QCOMPARE(copied.count(), 1);
    QCOMPARE(clipboardText(), id);
    QVERIFY(!board()->mimeData()->hasFormat(KdeHint));
    QCOMPARE(guard.secondsLeft(), 0);
    QVERIFY(!guard.isGuarding());
    QTest::qWait(1200);
    QCOMPARE(countdown.count(), 0);
    QCOMPARE(clipboardText(), id);
}

void tst_ClipboardGuard::clearedAfterCountdown_data()
{
    QTest::addColumn<int>("delay");
    QTest::addColumn<QList<int>>("ticks");
    QTest::newRow("1 s") << 1 << QList<int> { 1, 0 };
    QTest::newRow("2 s") << 2 << QList<int> { 2, 1, 0 };
}

void tst_ClipboardGuard::clearedAfterCountdown()
{
    QFETCH(int, delay);
    QFETCH(QList<int>, ticks);
    ClipboardGuard guard;
    guard.setClearDelay(std::chrono::seconds(delay));
    QSignalSpy countdown(&guard, &ClipboardGuard::countdownChanged);
    QSignalSpy cleared(&guard, &ClipboardGuard::cleared);

    guard.copySecret(Secret(TokenValue));
    QCOMPARE(clipboardText(), TokenValue);
    QCOMPARE(guard.secondsLeft(), delay);

    QTRY_COMPARE_WITH_TIMEOUT(cleared.count(), 1, (delay + 3) * 1000);
    QCOMPARE(clipboardText(), QString());
    QCOMPARE(guard.secondsLeft(), 0);
    QVERIFY(!guard.isGuarding());
    QList<int> seen;
    for (const QList<QVariant> &args : std::as_const(countdown))
        seen.append(args.at(0).toInt());
    QCOMPARE(seen, ticks);
}

void tst_ClipboardGuard::newerContentIsLeftAlone()
{
    ClipboardGuard guard;
    guard.setClearDelay(1s);
    QSignalSpy cleared(&guard, &ClipboardGuard::cleared);
    guard.copySecret(Secret(TokenValue));

    const QString mine = QStringLiteral("something the user copied later");
    board()->setText(mine);
    QTRY_COMPARE_WITH_TIMEOUT(cleared.count(), 1, 4000);
    QCOMPARE(clipboardText(), mine);
}

void tst_ClipboardGuard::clearNow()
{
    ClipboardGuard guard;
    QSignalSpy countdown(&guard, &ClipboardGuard::countdownChanged);
    QSignalSpy cleared(&guard, &ClipboardGuard::cleared);
    guard.copySecret(Secret(TokenValue));
    QCOMPARE(countdown.count(), 1);
    QCOMPARE(countdown.last().at(0).toInt(), 30);

    guard.clearNow();
    QCOMPARE(clipboardText(), QString());
    QCOMPARE(cleared.count(), 1);
    QCOMPARE(countdown.count(), 2);
    QCOMPARE(countdown.last().at(0).toInt(), 0);
    QCOMPARE(guard.secondsLeft(), 0);

    // Nothing left to clear: no more signals.
    guard.clearNow();
    QCOMPARE(cleared.count(), 1);
    QCOMPARE(countdown.count(), 2);
}

void tst_ClipboardGuard::clearNowLeavesNewerContent()
{
    ClipboardGuard guard;
    QSignalSpy cleared(&guard, &ClipboardGuard::cleared);
    guard.copySecret(Secret(TokenValue));
    const QString mine = QStringLiteral("newer");
    board()->setText(mine);
    guard.clearNow();
    QCOMPARE(cleared.count(), 1);
    QCOMPARE(clipboardText(), mine);
}

void tst_ClipboardGuard::destructor_data()
{
    QTest::addColumn<bool>("userCopiedLater");
    QTest::addColumn<int>("delaySeconds");
    QTest::addColumn<QString>("expected");
    QTest::newRow("ours: cleared") << false << 30 << QString();
    QTest::newRow("newer: left alone") << true << 30 << QStringLiteral("newer");
    QTest::newRow("clearing off: kept") << false << 0 << TokenValue;
}

void tst_ClipboardGuard::destructor()
{
    QFETCH(bool, userCopiedLater);
    QFETCH(int, delaySeconds);
    QFETCH(QString, expected);
    {
        ClipboardGuard guard;
        guard.setClearDelay(std::chrono::seconds(delaySeconds));
        guard.copySecret(Secret(TokenValue));
        QCOMPARE(clipboardText(), TokenValue);
        if (userCopiedLater)
            board()->setText(QStringLiteral("newer"));
    }
    QCOMPARE(clipboardText(), expected);
}

void tst_ClipboardGuard::aboutToQuitClears()
{
    ClipboardGuard guard;
    guard.copySecret(Secret(TokenValue));
    QCOMPARE(clipboardText(), TokenValue);
    // aboutToQuit is a private signal: only the meta-object system can emit it outside
    // QCoreApplication::exit().
    QVERIFY(QMetaObject::invokeMethod(qApp, "aboutToQuit", Qt::DirectConnection));
    QCOMPARE(clipboardText(), QString());
}

void tst_ClipboardGuard::zeroDelayNeverClears()
{
    ClipboardGuard guard;
    guard.setClearDelay(0s);
    QSignalSpy countdown(&guard, &ClipboardGuard::countdownChanged);
    QSignalSpy cleared(&guard, &ClipboardGuard::cleared);
    guard.copySecret(Secret(TokenValue));
    QCOMPARE(board()->mimeData()->data(KdeHint), QByteArrayLiteral("secret"));
    QCOMPARE(guard.secondsLeft(), 0);
    QTest::qWait(1500);
    QCOMPARE(clipboardText(), TokenValue);
    QCOMPARE(countdown.count(), 0);
    QCOMPARE(cleared.count(), 0);
}

void tst_ClipboardGuard::secondCopyRestartsCountdown()
{
    ClipboardGuard guard;
    guard.setClearDelay(2s);
    QSignalSpy countdown(&guard, &ClipboardGuard::countdownChanged);
    guard.copySecret(Secret(TokenValue));
    QTRY_COMPARE_WITH_TIMEOUT(guard.secondsLeft(), 1, 3000);

    const QString other = QStringLiteral("sk_live_second_token_value");
    guard.copySecret(Secret(other));
    QCOMPARE(guard.secondsLeft(), 2);
    QCOMPARE(countdown.last().at(0).toInt(), 2);
    QCOMPARE(clipboardText(), other);
    QTRY_COMPARE_WITH_TIMEOUT(clipboardText(), QString(), 4000);
}

// Clearing turned off while a countdown runs: the next copy is not cleared, and nothing may
// still say it will be.
void tst_ClipboardGuard::uncountedCopyEndsTheRunningCountdown()
{
    ClipboardGuard guard;
    guard.setClearDelay(30s);
    guard.copySecret(Secret(TokenValue));
    QCOMPARE(guard.secondsLeft(), 30);
    QSignalSpy countdown(&guard, &ClipboardGuard::countdownChanged);
    QSignalSpy cleared(&guard, &ClipboardGuard::cleared);

    guard.setClearDelay(0s);
    const QString other = QStringLiteral("sk_live_second_token_value");
    guard.copySecret(Secret(other));
    QCOMPARE(guard.secondsLeft(), 0);
    QCOMPARE(countdown.count(), 1);
    QCOMPARE(countdown.last().at(0).toInt(), 0);
    QCOMPARE(cleared.count(), 1);
    QTest::qWait(1500);
    QCOMPARE(clipboardText(), other);
    QCOMPARE(countdown.count(), 1);
}

void tst_ClipboardGuard::copyTextEndsTheSecretsCountdown()
{
    ClipboardGuard guard;
    QSignalSpy countdown(&guard, &ClipboardGuard::countdownChanged);
    QSignalSpy cleared(&guard, &ClipboardGuard::cleared);
    guard.copySecret(Secret(TokenValue));
    const QString id = QStringLiteral("12345678");
    guard.copyText(id);
    QCOMPARE(clipboardText(), id);
    QCOMPARE(cleared.count(), 1);
    QCOMPARE(countdown.last().at(0).toInt(), 0);
    QCOMPARE(guard.secondsLeft(), 0);
    QVERIFY(!board()->mimeData()->hasFormat(KdeHint));
}

void tst_ClipboardGuard::secretIsNeverLogged()
{
    QStringList messages;
    g_messages = &messages;
    g_previousHandler = qInstallMessageHandler(captureMessage);
    QLoggingCategory::setFilterRules(QStringLiteral("agentfolio.*=true"));
    {
        ClipboardGuard guard;
        guard.setClearDelay(1s);
        guard.copySecret(Secret(TokenValue));
        QTRY_COMPARE_WITH_TIMEOUT(clipboardText(), QString(), 3000);
        guard.copySecret(Secret(TokenValue));
        guard.clearNow();
        guard.copySecret(Secret(TokenValue));
    }
    qInstallMessageHandler(g_previousHandler);
    g_messages = nullptr;

    QVERIFY(!messages.isEmpty()); // the guard does log: the check below is not vacuous
    for (const QString &message : std::as_const(messages))
        QVERIFY2(!message.contains(TokenValue), "a log message carries the secret");
}

QTEST_MAIN(tst_ClipboardGuard)
#include "tst_clipboardguard.moc"
