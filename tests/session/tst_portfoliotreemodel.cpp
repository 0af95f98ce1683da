// The token manager's tree model: its structure checked by QAbstractItemModelTester through
// every kind of index change, its display strings, and that filling a view reads no secret.
#include "session/portfoliofiltermodel.h"
#include "session/portfoliotreemodel.h"
#include "session/session.h"
#include "store/memorysecretstore.h"
#include "store/portfolioindex.h"
#include "store/profile.h"
#include "store/secretkeys.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace agentfolio;
using Model = PortfolioTreeModel;

namespace {

const QString Main = QStringLiteral("main");
const QString Other = QStringLiteral("other");
// A fixed "now" for the expiry badges.
const QDateTime Now(QDate(2026, 3, 10), QTime(12, 0), Qt::UTC);

UserToken userToken(const QString &id, const QString &name)
{
    UserToken t;
    t.id = id;
    t.name = name;
    t.clientId = QStringLiteral("client-") + id;
    t.scopeIds = { 200, 202 };
    t.ipsWhitelist = { QStringLiteral("192.168.1.1") };
    t.createdAt = QDateTime(QDate(2026, 1, 15), QTime(9, 30), Qt::UTC);
    return t;
}

IndexedToken indexedToken(const QString &id, const QString &name, bool stored = true)
{
    return IndexedToken { userToken(id, name), stored, false, false, {} };
}

IndexedPortfolio portfolio(const QString &id, const QString &name, int tokens = 0)
{
    IndexedPortfolio p;
    p.id = id;
    p.name = name;
    p.gcid = 12345678;
    p.virtualBalance = Money::fromCents(1'000'000);
    p.mirrorId = 12345;
    p.investment = Money::fromCents(200'000);
    p.createdAt = QDateTime(QDate(2026, 1, 15), QTime(9, 0), Qt::UTC);
    for (int t = 0; t < tokens; ++t)
        p.tokens.append(indexedToken(id + QStringLiteral("-t") + QString::number(t),
                                     QStringLiteral("token-") + QString::number(t)));
    return p;
}

Portfolio serverPortfolio(const IndexedPortfolio &p)
{
    Portfolio s;
    s.id = p.id;
    s.name = p.name;
    s.gcid = p.gcid;
    s.virtualBalance = p.virtualBalance;
    s.mirrorId = p.mirrorId;
    s.createdAt = p.createdAt;
    for (const IndexedToken &t : p.tokens)
        s.tokens.append(t.token);
    return s;
}

QString text(const QModelIndex &index, int column, int role = Qt::DisplayRole)
{
    return index.siblingAtColumn(column).data(role).toString();
}

} // namespace

Q_DECLARE_METATYPE(std::optional<QDateTime>)

class TestPortfolioTreeModel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void emptyIndexShowsNothing();
    void showsTheProfilesPortfoliosAndTokens();
    void testerThroughLoadSwitchAndChanges();
    void inPlaceChangesKeepRowsAndAnnounceData();
    void structuralChangesReset();
    void changesToAnotherProfileAreIgnored();
    void lookups();
    void portfolioDisplay();
    void investmentUnknownAndGoneFromServer();
    void tokenDetails_data();
    void tokenDetails();
    void expiryBadges_data();
    void expiryBadges();
    void secretAndCreatedColumns();
    void heldTokensAreMarkedUntilReleased();
    void searchTextIsLowerCaseNamesAndIds();
    void loadingTheViewReadsNoSecret();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<PortfolioIndex> m_index;
    std::unique_ptr<Model> m_model;
};

void TestPortfolioTreeModel::initTestCase()
{
    // The money and date strings below are US English.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestPortfolioTreeModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_index = std::make_unique<PortfolioIndex>(m_dir->filePath(QStringLiteral("index.json")));
    m_index->load();
    m_model = std::make_unique<Model>(m_index.get());
    m_model->setNow([] { return Now; });
}

void TestPortfolioTreeModel::cleanup()
{
    m_model.reset();
    m_index.reset();
    m_dir.reset();
}

void TestPortfolioTreeModel::emptyIndexShowsNothing()
{
    QAbstractItemModelTester tester(m_model.get(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(m_model->rowCount(), 0);
    m_model->setProfile(Main);
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->columnCount(), int(Model::ColumnCount));
    QVERIFY(!m_model->index(0, 0).isValid());
    QVERIFY(!m_model->indexOfPortfolio(QStringLiteral("p1")).isValid());
    QCOMPARE(m_model->headerData(Model::NameColumn, Qt::Horizontal).toString(),
             QStringLiteral("Name"));
    QCOMPARE(m_model->headerData(Model::SecretColumn, Qt::Horizontal).toString(),
             QStringLiteral("Secret"));
}

void TestPortfolioTreeModel::showsTheProfilesPortfoliosAndTokens()
{
    QVERIFY(
        m_index->upsertPortfolio(Main, portfolio(QStringLiteral("p1"), QStringLiteral("One"), 2)));
    QVERIFY(
        m_index->upsertPortfolio(Main, portfolio(QStringLiteral("p2"), QStringLiteral("Two"), 0)));
    QVERIFY(m_index->upsertPortfolio(Other,
                                     portfolio(QStringLiteral("p3"), QStringLiteral("Three"), 1)));
    m_model->setProfile(Main);

    QCOMPARE(m_model->rowCount(), 2);
    const QModelIndex one = m_model->index(0, 0);
    QCOMPARE(one.data().toString(), QStringLiteral("One"));
    QCOMPARE(one.data(Model::KindRole).value<Model::ItemKind>(), Model::ItemKind::Portfolio);
    QCOMPARE(one.data(Model::PortfolioIdRole).toString(), QStringLiteral("p1"));
    QVERIFY(!one.data(Model::TokenIdRole).isValid());
    QCOMPARE(m_model->rowCount(one), 2);
    QVERIFY(m_model->hasChildren(one));
    QVERIFY(!m_model->hasChildren(m_model->index(1, 0)));
    // Children hang off the first column only.
    QCOMPARE(m_model->rowCount(one.siblingAtColumn(Model::DetailsColumn)), 0);

    const QModelIndex token = m_model->index(1, 0, one);
    QCOMPARE(token.data().toString(), QStringLiteral("token-1"));
    QCOMPARE(token.parent(), one);
    QCOMPARE(token.data(Model::KindRole).value<Model::ItemKind>(), Model::ItemKind::Token);
    QCOMPARE(token.data(Model::PortfolioIdRole).toString(), QStringLiteral("p1"));
    QCOMPARE(token.data(Model::TokenIdRole).toString(), QStringLiteral("p1-t1"));
    QCOMPARE(token.data(Model::SecretStoredRole).toBool(), true);
    QCOMPARE(token.data(Model::GoneFromServerRole).toBool(), false);
    QCOMPARE(token.data(Model::RevokedRole).toBool(), false);
    QCOMPARE(m_model->rowCount(token), 0);
    QVERIFY(m_model->flags(token).testFlag(Qt::ItemNeverHasChildren));
    QVERIFY(!m_model->flags(one).testFlag(Qt::ItemNeverHasChildren));

    m_model->setProfile(Other);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->index(0, 0).data().toString(), QStringLiteral("Three"));
    QCOMPARE(m_model->profile(), Other);
    m_model->setProfile(QString());
    QCOMPARE(m_model->rowCount(), 0);
}

void TestPortfolioTreeModel::testerThroughLoadSwitchAndChanges()
{
    // The tester watches every signal and checks the model after each.
    QAbstractItemModelTester tester(m_model.get(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->setProfile(Main);
    QVERIFY(
        m_index->upsertPortfolio(Main, portfolio(QStringLiteral("p1"), QStringLiteral("One"), 3)));
    QCOMPARE(m_model->rowCount(), 1);
    QVERIFY(
        m_index->upsertPortfolio(Main, portfolio(QStringLiteral("p2"), QStringLiteral("Two"), 1)));
    QVERIFY(m_index->upsertToken(Main, QStringLiteral("p2"),
                                 indexedToken(QStringLiteral("p2-new"), QStringLiteral("new"))));
    QCOMPARE(m_model->rowCount(m_model->indexOfPortfolio(QStringLiteral("p2"))), 2);
    // A token for a portfolio the index does not know yet: a placeholder row, named by id.
    QVERIFY(m_index->upsertToken(Main, QStringLiteral("p9"),
                                 indexedToken(QStringLiteral("p9-t0"), QStringLiteral("lone"))));
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->indexOfPortfolio(QStringLiteral("p9")).data().toString(),
             QStringLiteral("Portfolio p9"));
    QVERIFY(m_index->setSecretStored(Main, QStringLiteral("p1"), QStringLiteral("p1-t1"), false));
    QVERIFY(m_index->setRevoked(Main, QStringLiteral("p1"), QStringLiteral("p1-t2")));
    QVERIFY(m_index->removeToken(Main, QStringLiteral("p1"), QStringLiteral("p1-t0")));
    QCOMPARE(m_model->rowCount(m_model->indexOfPortfolio(QStringLiteral("p1"))), 2);

    // The server lists p1 (one token fewer) and a new p3; p2 and p9 are gone.
    IndexedPortfolio p1 = portfolio(QStringLiteral("p1"), QStringLiteral("One renamed"), 3);
    p1.tokens.removeFirst();
    p1.tokens.removeFirst();
    IndexMergeSummary summary;
    QVERIFY(m_index->mergeServerList(
        Main,
        { serverPortfolio(p1),
          serverPortfolio(portfolio(QStringLiteral("p3"), QStringLiteral("Three"), 2)) },
        &summary));
    QCOMPARE(summary.portfoliosAdded, 1);
    QCOMPARE(m_model->rowCount(), 4);
    QCOMPARE(m_model->indexOfPortfolio(QStringLiteral("p1")).data().toString(),
             QStringLiteral("One renamed"));
    QVERIFY(
        m_model->indexOfPortfolio(QStringLiteral("p2")).data(Model::GoneFromServerRole).toBool());

    QVERIFY(
        m_index->upsertPortfolio(Other, portfolio(QStringLiteral("o1"), QStringLiteral("O"), 4)));
    m_model->setProfile(Other);
    QCOMPARE(m_model->rowCount(), 1);
    m_model->setProfile(Main);
    QCOMPARE(m_model->rowCount(), 4);

    QVERIFY(m_index->removePortfolio(Main, QStringLiteral("p2")));
    QCOMPARE(m_model->rowCount(), 3);
    QVERIFY(!m_model->indexOfPortfolio(QStringLiteral("p2")).isValid());

    // Another instance rewrites the file: the index reloads and the model follows.
    PortfolioIndex elsewhere(m_index->path());
    elsewhere.load();
    QVERIFY(elsewhere.removePortfolio(Main, QStringLiteral("p9")));
    m_index->reload();
    QCOMPARE(m_model->rowCount(), 2);

    QVERIFY(m_index->removePortfolio(Main, QStringLiteral("p1")));
    QVERIFY(m_index->removePortfolio(Main, QStringLiteral("p3")));
    QCOMPARE(m_model->rowCount(), 0);
}

void TestPortfolioTreeModel::inPlaceChangesKeepRowsAndAnnounceData()
{
    QVERIFY(
        m_index->upsertPortfolio(Main, portfolio(QStringLiteral("p1"), QStringLiteral("One"), 3)));
    QVERIFY(
        m_index->upsertPortfolio(Main, portfolio(QStringLiteral("p2"), QStringLiteral("Two"), 1)));
    m_model->setProfile(Main);
    QAbstractItemModelTester tester(m_model.get(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QPersistentModelIndex token =
        m_model->indexOfToken(QStringLiteral("p1"), QStringLiteral("p1-t1"));
    QVERIFY(token.isValid());
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);

    QVERIFY(m_index->setSecretStored(Main, QStringLiteral("p1"), QStringLiteral("p1-t1"), false));
    QCOMPARE(reset.size(), 0);
    QVERIFY(token.isValid());
    QCOMPARE(token.data(Model::SecretStoredRole).toBool(), false);
    QCOMPARE(text(token, Model::SecretColumn), QStringLiteral("not stored here"));
    // The changed portfolio's tokens and its own row; nothing of the untouched p2.
    QCOMPARE(changed.size(), 2);
    const QModelIndex p1 = m_model->indexOfPortfolio(QStringLiteral("p1"));
    for (const QList<QVariant> &signal : std::as_const(changed)) {
        const auto topLeft = signal.at(0).value<QModelIndex>();
        QVERIFY(topLeft == p1 || topLeft.parent() == p1);
    }

    changed.clear();
    QVERIFY(m_index->setRevoked(Main, QStringLiteral("p1"), QStringLiteral("p1-t1")));
    QCOMPARE(reset.size(), 0);
    QCOMPARE(token.data(Model::RevokedRole).toBool(), true);
    QCOMPARE(changed.size(), 2);

    // A rename from the server list is in place too.
    changed.clear();
    IndexedPortfolio renamed = portfolio(QStringLiteral("p2"), QStringLiteral("Two!"), 1);
    QVERIFY(m_index->upsertPortfolio(Main, renamed));
    QCOMPARE(reset.size(), 0);
    QCOMPARE(m_model->indexOfPortfolio(QStringLiteral("p2")).data().toString(),
             QStringLiteral("Two!"));
    QCOMPARE(changed.size(), 2);
    QVERIFY(token.isValid());

    // Nothing changed: nothing announced.
    changed.clear();
    QVERIFY(m_index->upsertPortfolio(Main, renamed));
    QCOMPARE(changed.size(), 0);
    QCOMPARE(reset.size(), 0);
}

void TestPortfolioTreeModel::structuralChangesReset()
{
    QVERIFY(
        m_index->upsertPortfolio(Main, portfolio(QStringLiteral("p1"), QStringLiteral("One"), 1)));
    m_model->setProfile(Main);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QVERIFY(m_index->upsertToken(Main, QStringLiteral("p1"),
                                 indexedToken(QStringLiteral("p1-x"), QStringLiteral("x"))));
    QCOMPARE(reset.size(), 1);
    QCOMPARE(m_model->rowCount(m_model->index(0, 0)), 2);
    QVERIFY(m_index->removeToken(Main, QStringLiteral("p1"), QStringLiteral("p1-t0")));
    QCOMPARE(reset.size(), 2);
    QCOMPARE(m_model->index(0, 0, m_model->index(0, 0)).data(Model::TokenIdRole).toString(),
             QStringLiteral("p1-x"));
    m_model->setProfile(Other);
    QCOMPARE(reset.size(), 3);
    m_model->setProfile(Other); // the same profile again: nothing to do
    QCOMPARE(reset.size(), 3);
}

void TestPortfolioTreeModel::changesToAnotherProfileAreIgnored()
{
    QVERIFY(
        m_index->upsertPortfolio(Main, portfolio(QStringLiteral("p1"), QStringLiteral("One"), 1)));
    m_model->setProfile(Main);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QVERIFY(
        m_index->upsertPortfolio(Other, portfolio(QStringLiteral("o1"), QStringLiteral("O"), 2)));
    QCOMPARE(reset.size(), 0);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(m_model->rowCount(), 1);
}

void TestPortfolioTreeModel::lookups()
{
    QVERIFY(
        m_index->upsertPortfolio(Main, portfolio(QStringLiteral("p1"), QStringLiteral("One"), 2)));
    QVERIFY(
        m_index->upsertPortfolio(Main, portfolio(QStringLiteral("p2"), QStringLiteral("Two"), 3)));
    m_model->setProfile(Main);

    const QModelIndex p2 = m_model->indexOfPortfolio(QStringLiteral("p2"));
    QCOMPARE(p2.row(), 1);
    const auto found = m_model->portfolioAt(p2);
    QVERIFY(found);
    QCOMPARE(found->id, QStringLiteral("p2"));
    QCOMPARE(found->tokens.size(), 3);
    QVERIFY(!m_model->tokenAt(p2));
    // Any column of the row will do.
    QCOMPARE(m_model->portfolioAt(p2.siblingAtColumn(Model::SecretColumn))->id,
             QStringLiteral("p2"));

    const QModelIndex token = m_model->indexOfToken(QStringLiteral("p2"), QStringLiteral("p2-t2"));
    QCOMPARE(token.row(), 2);
    QCOMPARE(token.parent(), p2);
    const auto t = m_model->tokenAt(token);
    QVERIFY(t);
    QCOMPARE(t->token.id, QStringLiteral("p2-t2"));
    QCOMPARE(t->token.name, QStringLiteral("token-2"));
    QVERIFY(!m_model->portfolioAt(token));
    QCOMPARE(token.data(Model::PortfolioIdRole).toString(), QStringLiteral("p2"));

    QVERIFY(!m_model->indexOfPortfolio(QStringLiteral("nope")).isValid());
    QVERIFY(!m_model->indexOfToken(QStringLiteral("p2"), QStringLiteral("p1-t0")).isValid());
    QVERIFY(!m_model->indexOfToken(QStringLiteral("nope"), QStringLiteral("p2-t0")).isValid());
    QVERIFY(!m_model->portfolioAt(QModelIndex()));
    QVERIFY(!m_model->tokenAt(QModelIndex()));

    // An index of a proxy is not ours: no answer rather than the wrong row.
    PortfolioFilterModel proxy;
    proxy.setSourceModel(m_model.get());
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("another model")));
    QVERIFY(!m_model->portfolioAt(proxy.index(1, 0)));
    QVERIFY(m_model->portfolioAt(proxy.mapToSource(proxy.index(1, 0))));
}

void TestPortfolioTreeModel::portfolioDisplay()
{
    IndexedPortfolio p = portfolio(QStringLiteral("p1"), QStringLiteral("MyPort1"));
    p.description = QStringLiteral("Momentum bot");
    QVERIFY(m_index->upsertPortfolio(Main, p));
    m_model->setProfile(Main);
    const QModelIndex row = m_model->index(0, 0);
    QCOMPARE(text(row, Model::NameColumn), QStringLiteral("MyPort1"));
    QCOMPARE(text(row, Model::DetailsColumn),
             QStringLiteral("GCID 12345678 · mirror 12345 · virtual $10,000.00 · invested "
                            "$2,000.00"));
    QCOMPARE(text(row, Model::ExpiryColumn), QString());
    QCOMPARE(text(row, Model::SecretColumn), QString());
    QCOMPARE(text(row, Model::CreatedColumn),
             QLocale().toString(p.createdAt->toLocalTime().date(), QLocale::ShortFormat));
    const QString nameTip = text(row, Model::NameColumn, Qt::ToolTipRole);
    QVERIFY2(nameTip.contains(QStringLiteral("p1")), qPrintable(nameTip));
    QVERIFY2(nameTip.contains(QStringLiteral("Momentum bot")), qPrintable(nameTip));
    const QString detailsTip = text(row, Model::DetailsColumn, Qt::ToolTipRole);
    QVERIFY2(detailsTip.contains(QStringLiteral("Investment: $2,000.00")), qPrintable(detailsTip));
    QVERIFY(!row.data(Model::GoneFromServerRole).toBool());
}

void TestPortfolioTreeModel::investmentUnknownAndGoneFromServer()
{
    // Learned from the server's list: no investment. Then the list no longer has it.
    const IndexedPortfolio p = portfolio(QStringLiteral("p1"), QStringLiteral("Listed"), 1);
    QVERIFY(m_index->mergeServerList(Main, { serverPortfolio(p) }));
    m_model->setProfile(Main);
    const QPersistentModelIndex row = m_model->index(0, 0);
    QCOMPARE(text(row, Model::DetailsColumn),
             QStringLiteral("GCID 12345678 · mirror 12345 · virtual $10,000.00 · investment "
                            "unknown"));
    QVERIFY(text(row, Model::DetailsColumn, Qt::ToolTipRole)
                .contains(QStringLiteral("Investment: unknown")));
    QVERIFY(!row.data(Model::GoneFromServerRole).toBool());

    // The list still has the portfolio but not its token: the token is marked.
    Portfolio withoutToken = serverPortfolio(p);
    withoutToken.tokens.clear();
    QVERIFY(m_index->mergeServerList(Main, { withoutToken }));
    QVERIFY(row.isValid());
    QVERIFY(!row.data(Model::GoneFromServerRole).toBool());
    const QModelIndex token = m_model->index(0, 0, row);
    QVERIFY(token.data(Model::GoneFromServerRole).toBool());
    QVERIFY(text(token, Model::DetailsColumn).endsWith(QStringLiteral(" · gone from eToro")));
    QVERIFY(text(token, Model::NameColumn, Qt::ToolTipRole)
                .contains(QStringLiteral("no longer lists")));

    // Then the list no longer has the portfolio either.
    QVERIFY(m_index->mergeServerList(Main, {}));
    QVERIFY(row.isValid());
    QVERIFY(row.data(Model::GoneFromServerRole).toBool());
    QCOMPARE(text(row, Model::DetailsColumn),
             QStringLiteral("GCID 12345678 · mirror 12345 · virtual $10,000.00 · investment "
                            "unknown · gone from eToro"));
    QVERIFY(
        text(row, Model::NameColumn, Qt::ToolTipRole).contains(QStringLiteral("no longer lists")));
}

void TestPortfolioTreeModel::tokenDetails_data()
{
    QTest::addColumn<QList<int>>("scopes");
    QTest::addColumn<QStringList>("ips");
    QTest::addColumn<bool>("revoked");
    QTest::addColumn<QString>("details");
    QTest::addColumn<QString>("tooltipPart");

    QTest::newRow("defaults, any IP")
        << QList<int> { 200, 202 } << QStringList() << false
        << QStringLiteral("real read, real trade · any IP") << QStringLiteral("any IP address");
    QTest::newRow("demo, one IP") << QList<int> { 201, 203 }
                                  << QStringList { QStringLiteral("10.0.0.1") } << false
                                  << QStringLiteral("demo read, demo trade · 10.0.0.1")
                                  << QStringLiteral("Demo account: read, Demo account: trade");
    QTest::newRow("three IPs") << QList<int> { 200 }
                               << QStringList { QStringLiteral("10.0.0.1"),
                                                QStringLiteral("10.0.0.2"),
                                                QStringLiteral("10.0.0.3") }
                               << false
                               << QStringLiteral("real read · 10.0.0.1, 10.0.0.2, 10.0.0.3")
                               << QStringLiteral("IP allow-list: 10.0.0.1, 10.0.0.2, 10.0.0.3");
    QTest::newRow("five IPs, cut short")
        << QList<int> { 200 }
        << QStringList { QStringLiteral("10.0.0.1"), QStringLiteral("10.0.0.2"),
                         QStringLiteral("10.0.0.3"), QStringLiteral("10.0.0.4"),
                         QStringLiteral("10.0.0.5") }
        << false << QStringLiteral("real read · 10.0.0.1, 10.0.0.2, 10.0.0.3 and 2 more")
        << QStringLiteral("10.0.0.4, 10.0.0.5");
    QTest::newRow("no scopes") << QList<int>() << QStringList() << false
                               << QStringLiteral("no scopes · any IP")
                               << QStringLiteral("Scopes: none");
    QTest::newRow("unknown scope")
        << QList<int> { 999 } << QStringList() << false << QStringLiteral("scope 999 · any IP")
        << QStringLiteral("Unknown scope 999");
    QTest::newRow("revoked") << QList<int> { 202 } << QStringList() << true
                             << QStringLiteral("real trade · any IP · revoked")
                             << QStringLiteral("Real account: trade");
}

void TestPortfolioTreeModel::tokenDetails()
{
    QFETCH(QList<int>, scopes);
    QFETCH(QStringList, ips);
    QFETCH(bool, revoked);
    QFETCH(QString, details);
    QFETCH(QString, tooltipPart);

    IndexedToken t = indexedToken(QStringLiteral("t1"), QStringLiteral("bot"));
    t.token.scopeIds = scopes;
    t.token.ipsWhitelist = ips;
    t.revoked = revoked;
    QVERIFY(m_index->upsertToken(Main, QStringLiteral("p1"), t));
    m_model->setProfile(Main);
    const QModelIndex token = m_model->indexOfToken(QStringLiteral("p1"), QStringLiteral("t1"));
    QVERIFY(token.isValid());
    QCOMPARE(text(token, Model::DetailsColumn), details);
    const QString tip = text(token, Model::DetailsColumn, Qt::ToolTipRole);
    QVERIFY2(tip.contains(tooltipPart), qPrintable(tip));
    QCOMPARE(token.data(Model::RevokedRole).toBool(), revoked);
}

void TestPortfolioTreeModel::expiryBadges_data()
{
    QTest::addColumn<std::optional<QDateTime>>("expiresAt");
    QTest::addColumn<Model::ExpiryState>("state");
    QTest::addColumn<QString>("badge"); // empty: the local date

    QTest::newRow("never") << std::optional<QDateTime>() << Model::ExpiryState::Never
                           << QStringLiteral("never");
    QTest::newRow("expired yesterday") << std::optional<QDateTime>(Now.addDays(-1))
                                       << Model::ExpiryState::Expired << QStringLiteral("expired");
    QTest::newRow("expiring this instant")
        << std::optional<QDateTime>(Now) << Model::ExpiryState::Expired
        << QStringLiteral("expired");
    QTest::newRow("in 3 days") << std::optional<QDateTime>(Now.addDays(3))
                               << Model::ExpiryState::Soon << QStringLiteral("in 3 days");
    QTest::newRow("in 3 days and 5 hours")
        << std::optional<QDateTime>(Now.addDays(3).addSecs(5 * 3600)) << Model::ExpiryState::Soon
        << QStringLiteral("in 3 days");
    QTest::newRow("in 1 day") << std::optional<QDateTime>(Now.addDays(1))
                              << Model::ExpiryState::Soon << QStringLiteral("in 1 day");
    QTest::newRow("in 5 hours") << std::optional<QDateTime>(Now.addSecs(5 * 3600))
                                << Model::ExpiryState::Soon << QStringLiteral("in 5 hours");
    QTest::newRow("in 10 minutes") << std::optional<QDateTime>(Now.addSecs(600))
                                   << Model::ExpiryState::Soon << QStringLiteral("in 1 hour");
    QTest::newRow("in 6 days 23 hours") << std::optional<QDateTime>(Now.addDays(7).addSecs(-3600))
                                        << Model::ExpiryState::Soon << QStringLiteral("in 6 days");
    QTest::newRow("in 7 days") << std::optional<QDateTime>(Now.addDays(7))
                               << Model::ExpiryState::Valid << QString();
    QTest::newRow("next year") << std::optional<QDateTime>(Now.addYears(1))
                               << Model::ExpiryState::Valid << QString();
}

void TestPortfolioTreeModel::expiryBadges()
{
    QFETCH(std::optional<QDateTime>, expiresAt);
    QFETCH(Model::ExpiryState, state);
    QFETCH(QString, badge);

    IndexedToken t = indexedToken(QStringLiteral("t1"), QStringLiteral("bot"));
    t.token.expiresAt = expiresAt;
    QVERIFY(m_index->upsertToken(Main, QStringLiteral("p1"), t));
    m_model->setProfile(Main);
    const QModelIndex token = m_model->indexOfToken(QStringLiteral("p1"), QStringLiteral("t1"));
    QCOMPARE(token.data(Model::ExpiryStateRole).value<Model::ExpiryState>(), state);
    if (badge.isEmpty())
        badge = QLocale().toString(expiresAt->toLocalTime().date(), QLocale::ShortFormat);
    QCOMPARE(text(token, Model::ExpiryColumn), badge);
    QVERIFY(!text(token, Model::ExpiryColumn, Qt::ToolTipRole).isEmpty());
    if (expiresAt)
        QCOMPARE(token.siblingAtColumn(Model::ExpiryColumn).data(Model::SortRole).toDateTime(),
                 *expiresAt);

    // The clock moves on a year: everything with a date has expired, and views are told.
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->setNow([] { return Now.addYears(1).addSecs(1); });
    QVERIFY(!changed.isEmpty());
    QCOMPARE(token.data(Model::ExpiryStateRole).value<Model::ExpiryState>(),
             expiresAt ? Model::ExpiryState::Expired : Model::ExpiryState::Never);
}

void TestPortfolioTreeModel::secretAndCreatedColumns()
{
    IndexedPortfolio p = portfolio(QStringLiteral("p1"), QStringLiteral("One"));
    p.tokens = { indexedToken(QStringLiteral("t1"), QStringLiteral("stored"), true),
                 indexedToken(QStringLiteral("t2"), QStringLiteral("elsewhere"), false) };
    p.tokens[1].token.createdAt.reset();
    QVERIFY(m_index->upsertPortfolio(Main, p));
    m_model->setProfile(Main);

    const QModelIndex stored = m_model->indexOfToken(QStringLiteral("p1"), QStringLiteral("t1"));
    const QModelIndex notStored = m_model->indexOfToken(QStringLiteral("p1"), QStringLiteral("t2"));
    QCOMPARE(text(stored, Model::SecretColumn), QStringLiteral("stored here"));
    QCOMPARE(text(notStored, Model::SecretColumn), QStringLiteral("not stored here"));
    QVERIFY(
        text(stored, Model::SecretColumn, Qt::ToolTipRole).contains(QStringLiteral("keychain")));
    QVERIFY(text(notStored, Model::SecretColumn, Qt::ToolTipRole)
                .contains(QStringLiteral("only once")));
    QCOMPARE(stored.data(Model::SecretStoredRole).toBool(), true);
    QCOMPARE(notStored.data(Model::SecretStoredRole).toBool(), false);

    QCOMPARE(text(stored, Model::CreatedColumn),
             QLocale().toString(p.tokens[0].token.createdAt->toLocalTime().date(),
                                QLocale::ShortFormat));
    QCOMPARE(text(notStored, Model::CreatedColumn), QString());
    QVERIFY(
        text(notStored, Model::CreatedColumn, Qt::ToolTipRole).contains(QStringLiteral("unknown")));
}

// The view says which tokens the hand-off holds in memory; the mark comes and goes with that,
// whatever the index says (the token is still not stored when the hand-off lets it go).
void TestPortfolioTreeModel::heldTokensAreMarkedUntilReleased()
{
    IndexedPortfolio p = portfolio(QStringLiteral("p1"), QStringLiteral("One"));
    p.tokens = { indexedToken(QStringLiteral("t1"), QStringLiteral("held"), false),
                 indexedToken(QStringLiteral("t2"), QStringLiteral("other"), false) };
    QVERIFY(m_index->upsertPortfolio(Main, p));
    m_model->setProfile(Main);
    const QModelIndex held = m_model->indexOfToken(QStringLiteral("p1"), QStringLiteral("t1"))
                                 .siblingAtColumn(Model::SecretColumn);
    const QModelIndex other = m_model->indexOfToken(QStringLiteral("p1"), QStringLiteral("t2"))
                                  .siblingAtColumn(Model::SecretColumn);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);

    m_model->setHeldTokenIds({ QStringLiteral("t1") });
    QCOMPARE(held.data().toString(), QStringLiteral("only in memory"));
    QVERIFY(held.data(Qt::ToolTipRole).toString().contains(QStringLiteral("lost when")));
    QCOMPARE(other.data().toString(), QStringLiteral("not stored here"));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex(), held);

    m_model->setHeldTokenIds({ QStringLiteral("t1") }); // nothing new: nothing announced
    QCOMPARE(changed.size(), 1);

    m_model->setHeldTokenIds({});
    QCOMPARE(held.data().toString(), QStringLiteral("not stored here"));
    QVERIFY(held.data(Qt::ToolTipRole).toString().contains(QStringLiteral("only once")));
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.last().at(0).toModelIndex(), held);
}

void TestPortfolioTreeModel::searchTextIsLowerCaseNamesAndIds()
{
    IndexedPortfolio p = portfolio(QStringLiteral("AbC-1"), QStringLiteral("MyPort"));
    p.tokens = { indexedToken(QStringLiteral("TOK-9"), QStringLiteral("Trader Bot")) };
    QVERIFY(m_index->upsertPortfolio(Main, p));
    m_model->setProfile(Main);
    const QString portfolioText = m_model->index(0, 0).data(Model::SearchTextRole).toString();
    QVERIFY2(portfolioText.contains(QStringLiteral("myport")), qPrintable(portfolioText));
    QVERIFY2(portfolioText.contains(QStringLiteral("abc-1")), qPrintable(portfolioText));
    QCOMPARE(portfolioText, portfolioText.toLower());
    const QString tokenText =
        m_model->index(0, 0, m_model->index(0, 0)).data(Model::SearchTextRole).toString();
    QVERIFY2(tokenText.contains(QStringLiteral("trader bot")), qPrintable(tokenText));
    QVERIFY2(tokenText.contains(QStringLiteral("tok-9")), qPrintable(tokenText));
    QVERIFY2(!tokenText.contains(QStringLiteral("myport")), qPrintable(tokenText));
    // The direct accessor gives the same texts, and nothing for an index that is not ours.
    QCOMPARE(m_model->searchText(m_model->index(0, 0)), portfolioText);
    QCOMPARE(m_model->searchText(m_model->index(0, 0, m_model->index(0, 0))), tokenText);
    QCOMPARE(m_model->searchText(QModelIndex()), QString());

    // Beyond ASCII, and a portfolio known only by its id, searched by the name shown.
    QVERIFY(m_index->upsertToken(Main, QStringLiteral("Ünï-2"),
                                 indexedToken(QStringLiteral("ÉTÉ-1"), QStringLiteral("Été Bot"))));
    const QModelIndex unnamed = m_model->indexOfPortfolio(QStringLiteral("Ünï-2"));
    QCOMPARE(unnamed.data().toString(), QStringLiteral("Portfolio Ünï-2"));
    QCOMPARE(m_model->searchText(unnamed), QStringLiteral("portfolio ünï-2\nünï-2"));
    QCOMPARE(m_model->searchText(m_model->index(0, 0, unnamed)), QStringLiteral("été bot\nété-1"));
}

// The view is filled from the index alone: with every secret in the store, building the
// model and asking every row for every role starts no secret-store call at all.
void TestPortfolioTreeModel::loadingTheViewReadsNoSecret()
{
    MemorySecretStore secrets;
    SessionOptions options;
    options.indexPath = m_dir->filePath(QStringLiteral("session-index.json"));
    options.settingsFile = m_dir->filePath(QStringLiteral("settings.ini"));
    options.sandboxStateFile = m_dir->filePath(QStringLiteral("sandbox.json"));
    options.secretStore = &secrets;
    Session session(options);
    const QString profile = Profile::sandboxId();

    constexpr int Portfolios = 20;
    constexpr int TokensEach = 10;
    int written = 0;
    for (int p = 0; p < Portfolios; ++p) {
        IndexedPortfolio indexed =
            portfolio(QStringLiteral("p%1").arg(p), QStringLiteral("Port%1").arg(p), TokensEach);
        for (const IndexedToken &t : std::as_const(indexed.tokens)) {
            QVERIFY(t.secretStored);
            secrets.write(SecretKeys::tokenKey(profile, t.token.id),
                          Secret(QStringLiteral("secret-") + t.token.id), this,
                          [&written](const SecretResult &result) {
                              QVERIFY(result.ok());
                              ++written;
                          });
        }
        QVERIFY(session.index()->upsertPortfolio(profile, indexed));
    }
    QTRY_COMPARE(written, Portfolios * TokensEach);
    const int before = secrets.startedCount();
    QCOMPARE(before, Portfolios * TokensEach);

    PortfolioTreeModel model(session.index());
    model.setProfile(profile);
    PortfolioFilterModel proxy;
    proxy.setSourceModel(&model);
    QCOMPARE(model.rowCount(), Portfolios);

    int cells = 0;
    const auto visit = [&](const QAbstractItemModel *m, const QModelIndex &parent,
                           const auto &self) -> void {
        for (int row = 0; row < m->rowCount(parent); ++row) {
            for (int column = 0; column < m->columnCount(parent); ++column) {
                const QModelIndex index = m->index(row, column, parent);
                for (int role = 0; role <= Model::SortRole + 8; ++role)
                    (void)index.data(role);
                (void)m->flags(index);
                ++cells;
            }
            self(m, m->index(row, 0, parent), self);
        }
    };
    visit(&model, QModelIndex(), visit);
    QCOMPARE(cells, Portfolios * (1 + TokensEach) * int(Model::ColumnCount));
    for (const QString &filter :
         { QStringLiteral("port1"), QStringLiteral("token-3"), QString() }) {
        proxy.setFilterText(filter);
        visit(&proxy, QModelIndex(), visit);
    }
    for (int column = 0; column < Model::ColumnCount; ++column)
        (void)model.headerData(column, Qt::Horizontal);
    // Anything queued would start on the event loop.
    QTest::qWait(50);
    QCOMPARE(secrets.startedCount(), before);

    // The count is live: a read on request (copy, reveal) shows up in it.
    bool read = false;
    secrets.read(SecretKeys::tokenKey(profile, QStringLiteral("p0-t0")), this,
                 [&read](const SecretResult &result) { read = result.ok(); });
    QTRY_VERIFY(read);
    QCOMPARE(secrets.startedCount(), before + 1);
}

QTEST_GUILESS_MAIN(TestPortfolioTreeModel)
#include "tst_portfoliotreemodel.moc"
