#include "session/appsettings.h"

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

private:
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

QTEST_GUILESS_MAIN(TestAppSettings)
#include "tst_appsettings.moc"
