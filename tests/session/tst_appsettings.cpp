#include "session/appsettings.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace agentfolio;
using namespace std::chrono_literals;

class TestAppSettings : public QObject
{
    Q_OBJECT
private slots:
    void defaults();
    void roundTrip();
    void nonsenseFallsBackToDefaults_data();
    void nonsenseFallsBackToDefaults();
    void valuesAreBounded();
    void anUnsettledCreateThatFailedToBeNotedNeverReachesTheFile();
    void aFailedRewriteKeepsTheUnsettledCreateNoted();

private:
    // Root writes through any permission bit: a directory in the file's place stops anyone.
    void blockFile() const
    {
        QFile::remove(file());
        QVERIFY(QDir().mkpath(file() + QStringLiteral("/in-the-way")));
    }
    void unblockFile() const { QVERIFY(QDir(file()).removeRecursively()); }
    static AppSettings::UnsettledCreate note(const QString &name)
    {
        AppSettings::UnsettledCreate create;
        create.profileId = QStringLiteral("sandbox");
        create.portfolioName = name;
        create.requestId = QUuid::createUuid();
        create.sentAt = QDateTime::currentDateTimeUtc();
        return create;
    }
    QByteArray fileContents() const
    {
        QFile f(file());
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    QString file() const { return m_dir.filePath(QStringLiteral("settings.ini")); }
    QTemporaryDir m_dir;
};

void TestAppSettings::defaults()
{
    AppSettings settings(file());
    QCOMPARE(settings.clipboardClearDelay(), 30s);
    QCOMPARE(settings.requestTimeout(), 30s);
    QCOMPARE(settings.defaultScopes(), (QList<int> { 200, 202 }));
    QVERIFY(settings.confirmDestructiveActions());
}

void TestAppSettings::roundTrip()
{
    {
        AppSettings settings(file());
        settings.setClipboardClearDelay(0s);
        settings.setRequestTimeout(60s);
        settings.setDefaultScopes({ 201, 203 });
        settings.setConfirmDestructiveActions(false);
    }
    AppSettings again(file());
    QCOMPARE(again.clipboardClearDelay(), 0s);
    QCOMPARE(again.requestTimeout(), 60s);
    QCOMPARE(again.defaultScopes(), (QList<int> { 201, 203 }));
    QVERIFY(!again.confirmDestructiveActions());
}

void TestAppSettings::nonsenseFallsBackToDefaults_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QVariant>("value");
    QTest::newRow("negative delay") << "preferences/clipboardClearSeconds" << QVariant(-5);
    QTest::newRow("text delay") << "preferences/clipboardClearSeconds"
                                << QVariant(QStringLiteral("soon"));
    QTest::newRow("huge delay") << "preferences/clipboardClearSeconds" << QVariant(99999999);
    QTest::newRow("zero timeout") << "preferences/requestTimeoutSeconds" << QVariant(0);
    QTest::newRow("unknown scopes")
        << "preferences/defaultScopes" << QVariant(QVariantList { 7, 999 });
}

void TestAppSettings::nonsenseFallsBackToDefaults()
{
    QFETCH(QString, key);
    QFETCH(QVariant, value);
    {
        QSettings raw(file(), QSettings::IniFormat);
        raw.clear();
        raw.setValue(key, value);
    }
    AppSettings settings(file());
    QCOMPARE(settings.clipboardClearDelay(), 30s);
    QCOMPARE(settings.requestTimeout(), 30s);
    QCOMPARE(settings.defaultScopes(), (QList<int> { 200, 202 }));
}

void TestAppSettings::valuesAreBounded()
{
    AppSettings settings(file());
    settings.setRequestTimeout(1s);
    QCOMPARE(settings.requestTimeout(), 5s);
    settings.setRequestTimeout(100000s);
    QCOMPARE(settings.requestTimeout(), 300s);
    settings.setClipboardClearDelay(-3s);
    QCOMPARE(settings.clipboardClearDelay(), 0s);
}

// The caller sends nothing when the note fails: a later write must not bring it to the file,
// where it would lock the next start on a create that never left.
void TestAppSettings::anUnsettledCreateThatFailedToBeNotedNeverReachesTheFile()
{
    // As in the app: the file exists, and another QSettings (ProfileStore's) has it open.
    QSettings other(file(), QSettings::IniFormat);
    AppSettings settings(file());
    settings.setConfirmDestructiveActions(true);
    QVERIFY(settings.unsettledCreates().isEmpty()); // synced: the file exists
    QVERIFY(QFileInfo::exists(file()));
    blockFile();
    QString why;
    QVERIFY(!settings.setUnsettledCreate(note(QStringLiteral("Failed01")), &why));
    QVERIFY2(why.contains(QDir::toNativeSeparators(file())), qPrintable(why));
    unblockFile();
    // The file fixed, the next note is written at once (QSettings remembers its first error).
    const auto next = note(QStringLiteral("Next0001"));
    QVERIFY(settings.setUnsettledCreate(next, &why));
    settings.setConfirmDestructiveActions(false);
    QCOMPARE(settings.unsettledCreates().size(), 1); // and synced
    const QByteArray onDisk = fileContents();
    QVERIFY2(onDisk.contains(next.requestId.toByteArray(QUuid::WithoutBraces)), onDisk);
    QVERIFY2(!onDisk.contains("Failed01"), onDisk);
}

// Rewriting a note already on disk (taken up, or eToro's yes recorded) may fail: the note as it
// was must stay, and the rewrite reach the file with the next write that succeeds.
void TestAppSettings::aFailedRewriteKeepsTheUnsettledCreateNoted()
{
    QSettings other(file(), QSettings::IniFormat); // as ProfileStore's, in the app
    AppSettings settings(file());
    auto create = note(QStringLiteral("Kept0001"));
    QVERIFY(settings.setUnsettledCreate(create));
    blockFile();
    create.serverAccepted = true;
    create.httpStatus = 201;
    QVERIFY(!settings.setUnsettledCreate(create));
    unblockFile();
    settings.setConfirmDestructiveActions(false); // any write, once the file can take one
    QCOMPARE(settings.unsettledCreates().size(), 1); // and synced
    const QByteArray onDisk = fileContents();
    QVERIFY2(onDisk.contains(create.requestId.toByteArray(QUuid::WithoutBraces)), onDisk);
    QVERIFY2(onDisk.contains("serverAccepted=true"), onDisk);
}

QTEST_GUILESS_MAIN(TestAppSettings)
#include "tst_appsettings.moc"
