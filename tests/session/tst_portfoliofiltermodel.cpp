// The token manager's filter box: names and ids, case-insensitive, a matching token with its
// portfolio and a matching portfolio with all its tokens; checked by QAbstractItemModelTester.
#include "session/portfoliofiltermodel.h"
#include "session/portfoliotreemodel.h"
#include "store/portfolioindex.h"

#include <QAbstractItemModelTester>
#include <QIdentityProxyModel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace agentfolio;

namespace {

const QString Main = QStringLiteral("main");

IndexedToken token(const QString &id, const QString &name)
{
    IndexedToken t;
    t.token.id = id;
    t.token.name = name;
    t.token.scopeIds = { 200 };
    t.secretStored = true;
    return t;
}

IndexedPortfolio portfolio(const QString &id, const QString &name, QList<IndexedToken> tokens)
{
    IndexedPortfolio p;
    p.id = id;
    p.name = name;
    p.gcid = 1000;
    p.mirrorId = 2000;
    p.tokens = std::move(tokens);
    return p;
}

// What a view of `model` shows: "Portfolio" and "Portfolio/token" lines, in order.
QStringList visible(const QAbstractItemModel &model)
{
    QStringList lines;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex p = model.index(row, 0);
        lines.append(p.data().toString());
        for (int t = 0; t < model.rowCount(p); ++t)
            lines.append(p.data().toString() + QLatin1Char('/')
                         + model.index(t, 0, p).data().toString());
    }
    return lines;
}

QStringList all()
{
    return { QStringLiteral("Alpha"),        QStringLiteral("Alpha/Trader"),
             QStringLiteral("Alpha/reader"), QStringLiteral("Beta"),
             QStringLiteral("Beta/Bot-X"),   QStringLiteral("Gamma") };
}

} // namespace

class TestPortfolioFilterModel : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void filters_data();
    void filters();
    void typingOneCharacterAtATime();
    void followsIndexChanges();
    void anyModelWithSearchTexts();
    void sortsByNameCaseInsensitively();
    void sortsByExpiry();
    void showsNothingWithoutSource();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<PortfolioIndex> m_index;
    std::unique_ptr<PortfolioTreeModel> m_model;
    std::unique_ptr<PortfolioFilterModel> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestPortfolioFilterModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_index = std::make_unique<PortfolioIndex>(m_dir->filePath(QStringLiteral("index.json")));
    m_index->load();
    QVERIFY(m_index->upsertPortfolio(
        Main,
        portfolio(QStringLiteral("aaaa-1111"), QStringLiteral("Alpha"),
                  { token(QStringLiteral("tok-a1"), QStringLiteral("Trader")),
                    token(QStringLiteral("tok-a2"), QStringLiteral("reader")) })));
    QVERIFY(m_index->upsertPortfolio(
        Main,
        portfolio(QStringLiteral("bbbb-2222"), QStringLiteral("Beta"),
                  { token(QStringLiteral("tok-b1"), QStringLiteral("Bot-X")) })));
    QVERIFY(m_index->upsertPortfolio(
        Main, portfolio(QStringLiteral("cccc-3333"), QStringLiteral("Gamma"), {})));
    m_model = std::make_unique<PortfolioTreeModel>(m_index.get());
    m_model->setProfile(Main);
    m_proxy = std::make_unique<PortfolioFilterModel>();
    m_proxy->setSourceModel(m_model.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_proxy.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestPortfolioFilterModel::cleanup()
{
    m_tester.reset();
    m_proxy.reset();
    m_model.reset();
    m_index.reset();
    m_dir.reset();
}

void TestPortfolioFilterModel::filters_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QStringList>("shown");

    QTest::newRow("empty shows all") << QString() << all();
    QTest::newRow("spaces only show all") << QStringLiteral("   ") << all();
    QTest::newRow("portfolio name: with all its tokens")
        << QStringLiteral("alpha")
        << QStringList { QStringLiteral("Alpha"), QStringLiteral("Alpha/Trader"),
                         QStringLiteral("Alpha/reader") };
    QTest::newRow("portfolio name, other case")
        << QStringLiteral("ALPHA")
        << QStringList { QStringLiteral("Alpha"), QStringLiteral("Alpha/Trader"),
                         QStringLiteral("Alpha/reader") };
    QTest::newRow("portfolio with no tokens")
        << QStringLiteral("gam") << QStringList { QStringLiteral("Gamma") };
    QTest::newRow("token name: with its portfolio only")
        << QStringLiteral("reader")
        << QStringList { QStringLiteral("Alpha"), QStringLiteral("Alpha/reader") };
    QTest::newRow("token name, other case")
        << QStringLiteral("bot-x")
        << QStringList { QStringLiteral("Beta"), QStringLiteral("Beta/Bot-X") };
    QTest::newRow("two tokens of one portfolio")
        << QStringLiteral("ADER")
        << QStringList { QStringLiteral("Alpha"), QStringLiteral("Alpha/Trader"),
                         QStringLiteral("Alpha/reader") };
    QTest::newRow("portfolio id") << QStringLiteral(
        "bbbb-22") << QStringList { QStringLiteral("Beta"), QStringLiteral("Beta/Bot-X") };
    QTest::newRow("token id") << QStringLiteral(
        "TOK-A1") << QStringList { QStringLiteral("Alpha"), QStringLiteral("Alpha/Trader") };
    QTest::newRow("token ids across portfolios")
        << QStringLiteral("tok-")
        << QStringList { QStringLiteral("Alpha"), QStringLiteral("Alpha/Trader"),
                         QStringLiteral("Alpha/reader"), QStringLiteral("Beta"),
                         QStringLiteral("Beta/Bot-X") };
    QTest::newRow("surrounding spaces ignored")
        << QStringLiteral("  beta ")
        << QStringList { QStringLiteral("Beta"), QStringLiteral("Beta/Bot-X") };
    QTest::newRow("no match") << QStringLiteral("zzz") << QStringList();
    // The name and the id are separate texts: no match across their boundary.
    QTest::newRow("not across name and id") << QStringLiteral("alphaaaaa") << QStringList();
    QTest::newRow("not the gcid") << QStringLiteral("1000") << QStringList();
}

void TestPortfolioFilterModel::filters()
{
    QFETCH(QString, filter);
    QFETCH(QStringList, shown);
    m_proxy->setFilterText(filter);
    QCOMPARE(visible(*m_proxy), shown);
    QCOMPARE(m_proxy->filterText(), filter.trimmed().toLower());
    // And back: the empty filter shows everything again.
    m_proxy->setFilterText(QString());
    QCOMPARE(visible(*m_proxy), all());
}

void TestPortfolioFilterModel::typingOneCharacterAtATime()
{
    const QString typed = QStringLiteral("bot-x");
    for (int n = 1; n <= typed.size(); ++n) {
        m_proxy->setFilterText(typed.left(n));
        const QStringList shown = visible(*m_proxy);
        // "b" still matches Beta and "bbbb"; from "bo" on only the token is left.
        QVERIFY2(shown.contains(QStringLiteral("Beta/Bot-X")), qPrintable(typed.left(n)));
        if (n >= 2)
            QCOMPARE(shown, (QStringList { QStringLiteral("Beta"), QStringLiteral("Beta/Bot-X") }));
    }
    for (int n = typed.size() - 1; n >= 0; --n)
        m_proxy->setFilterText(typed.left(n));
    QCOMPARE(visible(*m_proxy), all());

    // The same text again changes nothing.
    m_proxy->setFilterText(QStringLiteral("beta"));
    QSignalSpy layout(m_proxy.get(), &QAbstractItemModel::rowsRemoved);
    m_proxy->setFilterText(QStringLiteral("BETA"));
    QCOMPARE(layout.size(), 0);
}

void TestPortfolioFilterModel::followsIndexChanges()
{
    m_proxy->setFilterText(QStringLiteral("scalper"));
    QCOMPARE(visible(*m_proxy), QStringList());

    // A token renamed in place (no reset) to match: it appears, with its portfolio.
    QVERIFY(m_index->upsertToken(Main, QStringLiteral("bbbb-2222"),
                                 token(QStringLiteral("tok-b1"), QStringLiteral("Scalper"))));
    QCOMPARE(visible(*m_proxy),
             (QStringList { QStringLiteral("Beta"), QStringLiteral("Beta/Scalper") }));

    // A portfolio renamed in place to match: all its tokens appear with it.
    QVERIFY(m_index->upsertPortfolio(
        Main, portfolio(QStringLiteral("aaaa-1111"), QStringLiteral("Scalpers"), {})));
    QCOMPARE(visible(*m_proxy),
             (QStringList { QStringLiteral("Scalpers"), QStringLiteral("Scalpers/Trader"),
                            QStringLiteral("Scalpers/reader"), QStringLiteral("Beta"),
                            QStringLiteral("Beta/Scalper") }));

    // Renamed away again: the portfolio stays only through... nothing.
    QVERIFY(m_index->upsertPortfolio(
        Main, portfolio(QStringLiteral("aaaa-1111"), QStringLiteral("Alpha"), {})));
    QCOMPARE(visible(*m_proxy),
             (QStringList { QStringLiteral("Beta"), QStringLiteral("Beta/Scalper") }));

    // A new matching token (a model reset underneath).
    QVERIFY(m_index->upsertToken(Main, QStringLiteral("cccc-3333"),
                                 token(QStringLiteral("tok-c1"), QStringLiteral("scalper-2"))));
    QCOMPARE(visible(*m_proxy),
             (QStringList { QStringLiteral("Beta"), QStringLiteral("Beta/Scalper"),
                            QStringLiteral("Gamma"), QStringLiteral("Gamma/scalper-2") }));

    // Removed: gone from the filtered view as well.
    QVERIFY(m_index->removePortfolio(Main, QStringLiteral("bbbb-2222")));
    QCOMPARE(visible(*m_proxy),
             (QStringList { QStringLiteral("Gamma"), QStringLiteral("Gamma/scalper-2") }));

    // A profile with nothing in it.
    m_model->setProfile(QStringLiteral("empty"));
    QCOMPARE(visible(*m_proxy), QStringList());
    m_proxy->setFilterText(QString());
    QCOMPARE(visible(*m_proxy), QStringList());
}

// Over a model that is not a PortfolioTreeModel (here one behind an identity proxy), the
// filter reads SearchTextRole through data(), with the same result.
void TestPortfolioFilterModel::anyModelWithSearchTexts()
{
    QIdentityProxyModel identity;
    identity.setSourceModel(m_model.get());
    PortfolioFilterModel proxy;
    proxy.setSourceModel(&identity);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (const QString &filter :
         { QStringLiteral("reader"), QStringLiteral("BBBB"), QStringLiteral("zzz"), QString() }) {
        proxy.setFilterText(filter);
        m_proxy->setFilterText(filter);
        QCOMPARE(visible(proxy), visible(*m_proxy));
    }
    QCOMPARE(visible(proxy), all());
}

void TestPortfolioFilterModel::sortsByNameCaseInsensitively()
{
    QVERIFY(m_index->upsertPortfolio(
        Main, portfolio(QStringLiteral("dddd-4444"), QStringLiteral("alphabet"), {})));
    QVERIFY(m_index->upsertPortfolio(
        Main, portfolio(QStringLiteral("eeee-5555"), QStringLiteral("ÄRGER"), {})));
    // A portfolio known only by id is named, and sorted, "Portfolio <id>".
    QVERIFY(m_index->upsertToken(Main, QStringLiteral("ffff-6666"),
                                 token(QStringLiteral("tok-f1"), QStringLiteral("z"))));

    // The same order through the fast path (a PortfolioTreeModel source) and through data().
    QIdentityProxyModel identity;
    identity.setSourceModel(m_model.get());
    PortfolioFilterModel generic;
    generic.setSourceModel(&identity);
    for (PortfolioFilterModel *proxy : { m_proxy.get(), &generic }) {
        proxy->sort(PortfolioTreeModel::NameColumn, Qt::AscendingOrder);
        QStringList names;
        for (int row = 0; row < proxy->rowCount(); ++row)
            names.append(proxy->index(row, 0).data().toString());
        QCOMPARE(names,
                 (QStringList { QStringLiteral("Alpha"), QStringLiteral("alphabet"),
                                QStringLiteral("Beta"), QStringLiteral("Gamma"),
                                QStringLiteral("Portfolio ffff-6666"), QStringLiteral("ÄRGER") }));
        const QModelIndex alpha = proxy->index(0, 0);
        QCOMPARE(proxy->index(0, 0, alpha).data().toString(), QStringLiteral("reader"));
        QCOMPARE(proxy->index(1, 0, alpha).data().toString(), QStringLiteral("Trader"));

        proxy->sort(PortfolioTreeModel::NameColumn, Qt::DescendingOrder);
        QCOMPARE(proxy->index(0, 0).data().toString(), QStringLiteral("ÄRGER"));
        QCOMPARE(proxy->index(5, 0).data().toString(), QStringLiteral("Alpha"));
    }

    // Sorted and filtered, and still sorted as rows come back.
    m_proxy->sort(PortfolioTreeModel::NameColumn, Qt::AscendingOrder);
    m_proxy->setFilterText(QStringLiteral("alpha"));
    QCOMPARE(visible(*m_proxy),
             (QStringList { QStringLiteral("Alpha"), QStringLiteral("Alpha/reader"),
                            QStringLiteral("Alpha/Trader"), QStringLiteral("alphabet") }));
    m_proxy->setFilterText(QString());
    QCOMPARE(m_proxy->index(2, 0).data().toString(), QStringLiteral("Beta"));
}

void TestPortfolioFilterModel::sortsByExpiry()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    IndexedToken soon = token(QStringLiteral("tok-s"), QStringLiteral("soon"));
    soon.token.expiresAt = now.addDays(2);
    IndexedToken later = token(QStringLiteral("tok-l"), QStringLiteral("later"));
    later.token.expiresAt = now.addDays(200);
    IndexedToken never = token(QStringLiteral("tok-n"), QStringLiteral("never"));
    QVERIFY(
        m_index->upsertPortfolio(Main,
                                 portfolio(QStringLiteral("gggg-7777"), QStringLiteral("Expiring"),
                                           { never, later, soon })));
    m_proxy->sort(PortfolioTreeModel::ExpiryColumn, Qt::AscendingOrder);
    const QModelIndex source = m_model->indexOfPortfolio(QStringLiteral("gggg-7777"));
    const QModelIndex parent = m_proxy->mapFromSource(source);
    QStringList names;
    for (int row = 0; row < m_proxy->rowCount(parent); ++row)
        names.append(m_proxy->index(row, 0, parent).data().toString());
    // Tokens that never expire come after every date.
    QCOMPARE(
        names,
        (QStringList { QStringLiteral("soon"), QStringLiteral("later"), QStringLiteral("never") }));
}

void TestPortfolioFilterModel::showsNothingWithoutSource()
{
    PortfolioFilterModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setFilterText(QStringLiteral("x"));
    QCOMPARE(proxy.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestPortfolioFilterModel)
#include "tst_portfoliofiltermodel.moc"
