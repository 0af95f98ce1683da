#include "domain/scopes.h"

#include <QTest>

using namespace agentfolio;

class tst_Scopes : public QObject
{
    Q_OBJECT

private slots:
    void known_data();
    void known();
    void unknown_data();
    void unknown();
    void fromApiName_data();
    void fromApiName();
    void allAndDefaults();
};

void tst_Scopes::known_data()
{
    QTest::addColumn<int>("id");
    QTest::addColumn<QString>("apiName");
    QTest::addColumn<QString>("displayName");

    // The API's table (README, seed page) and the form's readable names.
    QTest::newRow("200") << 200 << "etoro-public:real:read"
                         << "Real account: read";
    QTest::newRow("201") << 201 << "etoro-public:demo:read"
                         << "Demo account: read";
    QTest::newRow("202") << 202 << "etoro-public:real:write"
                         << "Real account: trade";
    QTest::newRow("203") << 203 << "etoro-public:demo:write"
                         << "Demo account: trade";
}

void tst_Scopes::known()
{
    QFETCH(int, id);
    QFETCH(QString, apiName);
    QFETCH(QString, displayName);

    QVERIFY(Scopes::isKnown(id));
    QCOMPARE(Scopes::apiName(id), apiName);
    QCOMPARE(Scopes::fromApiName(apiName), std::optional<int>(id));
    QCOMPARE(Scopes::displayName(id), displayName);
}

void tst_Scopes::unknown_data()
{
    QTest::addColumn<int>("id");
    QTest::newRow("199") << 199;
    QTest::newRow("204") << 204;
    QTest::newRow("0") << 0;
    QTest::newRow("-200") << -200;
    QTest::newRow("2000") << 2000;
}

void tst_Scopes::unknown()
{
    QFETCH(int, id);
    QVERIFY(!Scopes::isKnown(id));
    QVERIFY(Scopes::apiName(id).isEmpty());
    // Still something a person can read, and it names the id.
    QVERIFY(Scopes::displayName(id).contains(QString::number(id)));
}

void tst_Scopes::fromApiName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("id"); // -1 = unknown

    QTest::newRow("exact") << "etoro-public:real:write" << 202;
    // Responses are parsed defensively: the case of a name is not significant.
    QTest::newRow("upper case") << "ETORO-PUBLIC:DEMO:READ" << 201;
    QTest::newRow("empty") << "" << -1;
    QTest::newRow("prefix only") << "etoro-public:real" << -1;
    QTest::newRow("unknown action") << "etoro-public:real:admin" << -1;
    QTest::newRow("trailing text") << "etoro-public:real:read2" << -1;
    QTest::newRow("number") << "200" << -1;
}

void tst_Scopes::fromApiName()
{
    QFETCH(QString, name);
    QFETCH(int, id);
    const auto found = Scopes::fromApiName(name);
    if (id < 0)
        QVERIFY2(!found, qPrintable(QString::number(found.value_or(0))));
    else
        QCOMPARE(found, std::optional<int>(id));
}

void tst_Scopes::allAndDefaults()
{
    QCOMPARE(Scopes::all(), (QList<int> { 200, 201, 202, 203 }));
    // The API's example and the form's default: real read and real write.
    QCOMPARE(Scopes::defaults(), (QList<int> { 200, 202 }));
    for (int id : Scopes::all())
        QVERIFY(Scopes::isKnown(id));
}

QTEST_APPLESS_MAIN(tst_Scopes)
#include "tst_scopes.moc"
