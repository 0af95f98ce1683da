// Benchmark, not a test: the token manager's view over 10,000 tokens in 1,000 portfolios.
// Targets: under 100 ms to open the view, under 16 ms per filter keystroke.
// Run: QT_QPA_PLATFORM=offscreen build/tests/bench/bench_tokenview [-iterations N]
#include "session/portfoliofiltermodel.h"
#include "session/portfoliotreemodel.h"
#include "store/portfolioindex.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUuid>
#include <algorithm>
#include <memory>

using namespace agentfolio;

namespace {

const QString Profile = QStringLiteral("bench");
constexpr int Portfolios = 1000;
constexpr int TokensEach = 10;

// One page of the token manager: the model, its filter and a tree view in a window that is
// already on screen (the main window is open when the user turns to the tokens page).
struct View : QObject
{
    explicit View(PortfolioIndex *index, QWidget *host, bool expanded)
        : model(index)
        , tree(host)
    {
        model.setProfile(Profile);
        proxy.setSourceModel(&model);
        // Set up as ui/tokenspage.cpp does: sorted by name, whole rows selected.
        tree.setUniformRowHeights(true);
        tree.setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn); // as ui/tokenspage.cpp
        tree.setSelectionMode(QAbstractItemView::SingleSelection);
        tree.setSelectionBehavior(QAbstractItemView::SelectRows);
        tree.setAllColumnsShowFocus(true);
        tree.setModel(&proxy);
        tree.setSortingEnabled(true);
        tree.sortByColumn(PortfolioTreeModel::NameColumn, Qt::AscendingOrder);
        tree.header()->setStretchLastSection(true);
        tree.header()->resizeSection(PortfolioTreeModel::NameColumn, 200);
        tree.header()->resizeSection(PortfolioTreeModel::DetailsColumn, 200);
        tree.resize(host->size());
        if (expanded) {
            // As the tokens page does: everything open, and portfolios that come back
            // through the filter open again.
            tree.expandAll();
            QObject::connect(&proxy, &QAbstractItemModel::rowsInserted, &tree,
                             [this](const QModelIndex &parent, int first, int last) {
                                 if (parent.isValid())
                                     return;
                                 for (int row = first; row <= last; ++row)
                                     tree.expand(proxy.index(row, 0));
                             });
        }
        tree.viewport()->installEventFilter(this);
        tree.show();
        settle();
    }
    // Lets the view do what it postpones (layout, scroll bars) and paint, as one turn of the
    // event loop does: the posted update request lays out and paints every dirty area once.
    // Should nothing be pending (no update posted), it paints on demand, so that every
    // measurement includes exactly one paint.
    void settle()
    {
        const int before = paints;
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
        if (paints == before)
            tree.viewport()->repaint();
    }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == tree.viewport() && event->type() == QEvent::Paint)
            ++paints;
        return QObject::eventFilter(watched, event);
    }

    PortfolioTreeModel model;
    PortfolioFilterModel proxy;
    QTreeView tree;
    int paints = 0; // of the tree's viewport
};

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

} // namespace

class BenchTokenView : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void openTheView_data();
    void openTheView();
    void filterKeystroke_data();
    void filterKeystroke();
    void repaintOnly_data();
    void repaintOnly();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<PortfolioIndex> m_index;
    std::unique_ptr<QWidget> m_host;
};

void BenchTokenView::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // The index file, written in one go through a server-list merge, then read back as the
    // app does at start-up.
    QList<Portfolio> server;
    server.reserve(Portfolios);
    const QDateTime created(QDate(2026, 1, 15), QTime(9, 0), Qt::UTC);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int p = 0; p < Portfolios; ++p) {
        Portfolio portfolio;
        portfolio.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        portfolio.name = QStringLiteral("Port%1").arg(p, 4, 10, QLatin1Char('0'));
        portfolio.gcid = 10'000'000 + p;
        portfolio.virtualBalance = Money::fromCents(1'000'000);
        portfolio.mirrorId = 50'000 + p;
        portfolio.createdAt = created;
        for (int t = 0; t < TokensEach; ++t) {
            UserToken token;
            token.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            token.name = QStringLiteral("agent-%1-%2").arg(p, 4, 10, QLatin1Char('0')).arg(t);
            token.clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
            token.scopeIds = { 200, 202 };
            if (t % 2)
                token.ipsWhitelist = { QStringLiteral("192.168.1.%1").arg(t) };
            // A mix of every expiry badge.
            switch (t % 4) {
            case 0:
                break; // never
            case 1:
                token.expiresAt = now.addDays(-2);
                break;
            case 2:
                token.expiresAt = now.addDays(3);
                break;
            default:
                token.expiresAt = now.addDays(200);
                break;
            }
            token.createdAt = created;
            portfolio.tokens.append(token);
        }
        server.append(portfolio);
    }
    const QString path = m_dir.filePath(QStringLiteral("index.json"));
    {
        PortfolioIndex writer(path);
        writer.load();
        QVERIFY(writer.mergeServerList(Profile, server));
    }
    m_index = std::make_unique<PortfolioIndex>(path);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(m_index->load());
    qInfo("index: %d portfolios, %d tokens; loading the file took %lld ms", Portfolios,
          Portfolios * TokensEach, qlonglong(timer.elapsed()));
    QCOMPARE(m_index->portfolios(Profile).size(), Portfolios);

    m_host = std::make_unique<QWidget>();
    m_host->resize(1200, 800);
    m_host->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_host.get()));
}

void BenchTokenView::openTheView_data()
{
    QTest::addColumn<bool>("expanded");
    QTest::newRow("collapsed") << false;
    QTest::newRow("expanded") << true;
}

// Opening the tokens page: model, filter and tree view built over the loaded index, laid out
// and painted. Tearing it down is part of each iteration too.
void BenchTokenView::openTheView()
{
    QFETCH(bool, expanded);
    QBENCHMARK
    {
        View view(m_index.get(), m_host.get(), expanded);
        QCOMPARE(view.proxy.rowCount(), Portfolios);
    }

    // The model alone, once, for the report.
    QElapsedTimer timer;
    timer.start();
    PortfolioTreeModel model(m_index.get());
    model.setProfile(Profile);
    const qint64 modelNs = timer.nsecsElapsed();
    timer.start();
    View view(m_index.get(), m_host.get(), expanded);
    qInfo("the model alone: %.2f ms; model, filter and view, laid out and painted: %.2f ms",
          double(modelNs) / 1e6, double(timer.nsecsElapsed()) / 1e6);
}

void BenchTokenView::filterKeystroke_data()
{
    QTest::addColumn<bool>("expanded");
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");

    for (bool expanded : { false, true }) {
        const char *tree = expanded ? "expanded" : "collapsed";
        // The first character typed: everything still matches ("a" is in every token's name).
        QTest::addRow("%s, first key: \"\" -> \"a\"", tree)
            << expanded << QString() << QStringLiteral("a");
        // Narrowing by portfolio name: 1,000 portfolios down to 100.
        QTest::addRow("%s, \"port0\" -> \"port01\"", tree)
            << expanded << QStringLiteral("port0") << QStringLiteral("port01");
        // Narrowing to one token.
        QTest::addRow("%s, \"agent-0123-\" -> \"agent-0123-4\"", tree)
            << expanded << QStringLiteral("agent-0123-") << QStringLiteral("agent-0123-4");
        // Nothing left.
        QTest::addRow("%s, \"port01\" -> \"port01x\"", tree)
            << expanded << QStringLiteral("port01") << QStringLiteral("port01x");
    }
}

// One keystroke with the view attached: the filter applied, the view laid out and painted.
// Iterations alternate typing the character and deleting it (backspace), so that every
// iteration is one keystroke from the same two states; the figure is their mean, and the
// median of each direction is printed after.
void BenchTokenView::filterKeystroke()
{
    QFETCH(bool, expanded);
    QFETCH(QString, before);
    QFETCH(QString, after);

    View view(m_index.get(), m_host.get(), expanded);
    const auto keystroke = [&](const QString &text) {
        view.proxy.setFilterText(text);
        view.settle();
    };
    keystroke(before);
    bool typed = false;
    QBENCHMARK
    {
        typed = !typed;
        keystroke(typed ? after : before);
    }
    if (typed)
        keystroke(before);

    // Each direction on its own, split into the filter (the proxy's work and the view's
    // reaction to its signals) and the rest (layout and paint).
    QList<double> typing, typingFilter, deleting, deletingFilter;
    QElapsedTimer timer;
    const auto measure = [&](const QString &text, QList<double> *total, QList<double> *filter) {
        timer.start();
        view.proxy.setFilterText(text);
        filter->append(double(timer.nsecsElapsed()) / 1e6);
        view.settle();
        total->append(double(timer.nsecsElapsed()) / 1e6);
    };
    for (int i = 0; i < 15; ++i) {
        measure(after, &typing, &typingFilter);
        measure(before, &deleting, &deletingFilter);
    }
    const int paintsBefore = view.paints;
    keystroke(after);
    qInfo("typing: median %.2f ms (filter %.2f ms), worst %.2f ms; backspace: median %.2f ms "
          "(filter %.2f ms), worst %.2f ms; %d portfolios shown; %d paint(s) per keystroke",
          median(typing), median(typingFilter), *std::max_element(typing.cbegin(), typing.cend()),
          median(deleting), median(deletingFilter),
          *std::max_element(deleting.cbegin(), deleting.cend()), view.proxy.rowCount(),
          view.paints - paintsBefore);
}

void BenchTokenView::repaintOnly_data()
{
    openTheView_data();
}

// For comparison: painting the full view once with nothing changed, which is what any
// keystroke that leaves rows on screen pays on top of the filtering.
void BenchTokenView::repaintOnly()
{
    QFETCH(bool, expanded);
    View view(m_index.get(), m_host.get(), expanded);
    QBENCHMARK
    {
        view.tree.viewport()->repaint();
    }
}

QTEST_MAIN(BenchTokenView)
#include "bench_tokenview.moc"
