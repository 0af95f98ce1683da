// The Tokens page through its widgets, against the real sandbox: a Session on temporary
// paths with an in-memory keychain, portfolios created through CreateFlow first.
#include "addtokendialog.h"
#include "api/apiclient.h"
#include "api/apireply.h"
#include "clipboardguard.h"
#include "deleteportfoliodialog.h"
#include "domain/scopes.h"
#include "edittokendialog.h"
#include "messageboxanswer.h"
#include "mnemonics.h"
#include "noticepanel.h"
#include "pastetokendialog.h"
#include "sandbox/sandboxserver.h"
#include "session/appsettings.h"
#include "session/createflow.h"
#include "session/portfoliofiltermodel.h"
#include "session/portfoliotreemodel.h"
#include "session/session.h"
#include "session/tokenmanager.h"
#include "store/memorysecretstore.h"
#include "store/portfolioindex.h"
#include "store/secretkeys.h"
#include "store/tokenhandoff.h"
#include "tokencard.h"
#include "tokenspage.h"
#include "unsavedvaluedialog.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace agentfolio;
using namespace std::chrono_literals;
using Fault = SandboxServer::Fault;

namespace {

struct Seeded
{
    QString portfolioId;
    QString portfolioName;
    QString tokenId;
    QString tokenName;
    Secret secret;
};

QString clipboardText()
{
    return QGuiApplication::clipboard()->text(QClipboard::Clipboard);
}

// Waits for an ApiReply made behind the page's back; the reply is deleted afterwards.
bool finished(ApiReply *reply)
{
    if (!reply->isFinished()) {
        QSignalSpy spy(reply, &ApiReply::finished);
        if (!spy.wait(10000))
            return false;
    }
    reply->deleteLater();
    return true;
}

} // namespace

class tst_TokensPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void treeShowsPortfoliosWithoutReadingTheKeychain();
    void filterNarrowsTheTree_data();
    void filterNarrowsTheTree();
    void detailsOfAPortfolioAndAToken();
    void copyReadsTheKeychainOnce();
    void ctrlCInTheTreeCopiesTheSecret();
    void revealShowsThenHides();
    void revealHidesWhenTheSelectionChanges();
    void environmentLine();
    void copiesWithClearingTurnedOffSaySo_data();
    void copiesWithClearingTurnedOffSaySo();
    void editSendsOnlyWhatChanged();
    void editWithNothingChangedCannotSave();
    void revokeAfterConfirmation();
    void revokeOfATokenTheServerNoLongerHas();
    void forgetAfterConfirmation();
    void forgetWithoutQuestionWhenTheSettingSaysSo();
    void forgetCancelledChangesNothing();
    void pasteValueForAnUnstoredToken();
    void addTokenAppearsSelected();
    void addTokenTheKeychainRefusesIsHeldForCopying();
    void addTokenWithATakenNameShowsAtTheNameField();
    void addTokenBeyondTheQuota();
    void addTokenLostAnswerSaysMayHaveBeenAdded();
    void addTokenUnreadableAnswerValueIsHeldForCopying();
    void refreshShowsAPortfolioCreatedElsewhere();
    void deleteRequiresTheTypedName();
    void keychainFailureOnCopy();
    void secretMissingFromTheKeychain();
    void rateLimitedRefreshShowsTheRequestId();
    void actionsWaitWhileBusy();
    void expiryBadges();
    void keyboard();
    void everyMnemonicBesideATokenIsItsOwn();
    void aLongWordWidensNothing();
    void secretAppearsOnlyInTheRevealField();

private:
    void seed(const QString &portfolioName, const QString &tokenName, Seeded *seeded);
    QModelIndex rowOf(const QString &portfolioId, const QString &tokenId = {}) const;
    int visibleTokens() const;
    QStringList visiblePortfolios() const;
    template<typename T = QPushButton>
    T *find(const char *name) const
    {
        auto *widget = m_page->findChild<T *>(QString::fromLatin1(name));
        if (!widget)
            qFatal("no widget %s", name);
        return widget;
    }
    QString label(const char *name) const { return find<QLabel>(name)->text(); }
    QString noticeText() const { return m_page->notice()->text(); }
    void clickConfirmation(const char *buttonName);
    std::optional<IndexedToken> indexed(const Seeded &token) const;
    bool keychainHas(const QString &tokenId) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<TokenManager> m_manager;
    std::unique_ptr<ClipboardGuard> m_clipboard;
    std::unique_ptr<TokensPage> m_page;
    Seeded m_alpha;
    Seeded m_beta;
    int m_readsBeforePage = 0;
};

void tst_TokensPage::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void tst_TokensPage::seed(const QString &portfolioName, const QString &tokenName, Seeded *seeded)
{
    CreateFlow flow(m_session.get());
    CreatePortfolioRequest request;
    request.investment = Money::fromCents(200000);
    request.portfolioName = portfolioName;
    request.tokenName = tokenName;
    request.scopeIds = { Scopes::RealRead, Scopes::RealWrite };
    request.description = QStringLiteral("Seeded by the test");
    QVERIFY(flow.submit(request));
    QTRY_COMPARE_WITH_TIMEOUT(flow.state(), CreateFlow::State::Succeeded, 10000);
    const CreatedToken created = flow.result().createdTokens.first();
    seeded->portfolioId = flow.result().portfolio.id;
    seeded->portfolioName = portfolioName;
    seeded->tokenId = created.token.id;
    seeded->tokenName = tokenName;
    seeded->secret = created.secret;
    // The hand-off has written the keychain and the index.
    QTRY_VERIFY(indexed(*seeded) && indexed(*seeded)->secretStored);
}

void tst_TokensPage::init()
{
    QGuiApplication::clipboard()->clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_secrets = std::make_unique<MemorySecretStore>();
    SessionOptions options;
    options.indexPath = m_dir->filePath(QStringLiteral("index.json"));
    options.settingsFile = m_dir->filePath(QStringLiteral("settings.ini"));
    options.sandboxStateFile = m_dir->filePath(QStringLiteral("sandbox.json"));
    options.secretStore = m_secrets.get();
    m_session = std::make_unique<Session>(options);
    m_session->activate(Profile::sandboxId());
    QTRY_VERIFY(m_session->isReady());
    QVERIFY(m_session->sandbox());
    // Tests that want the limit set it themselves.
    m_session->sandbox()->setRateLimit(0, 60);

    seed(QStringLiteral("Beta002"), QStringLiteral("beta-bot"), &m_beta);
    seed(QStringLiteral("Alpha01"), QStringLiteral("alpha-bot"), &m_alpha);
    if (QTest::currentTestFailed())
        return;
    m_session->sandbox()->clearRequests();

    m_manager = std::make_unique<TokenManager>(m_session.get());
    m_clipboard = std::make_unique<ClipboardGuard>();
    m_readsBeforePage = m_secrets->startedCount();
    m_page = std::make_unique<TokensPage>(m_session.get(), m_manager.get(), m_clipboard.get());
    m_page->resize(1000, 700);
    m_page->show();
    QApplication::setActiveWindow(m_page.get());
    QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
}

void tst_TokensPage::cleanup()
{
    m_page.reset();
    m_clipboard.reset();
    m_manager.reset();
    m_session.reset();
    m_secrets.reset();
    m_dir.reset();
    QGuiApplication::clipboard()->clear();
}

std::optional<IndexedToken> tst_TokensPage::indexed(const Seeded &token) const
{
    return m_session->index()->token(Profile::sandboxId(), token.portfolioId, token.tokenId);
}

bool tst_TokensPage::keychainHas(const QString &tokenId) const
{
    return m_secrets->contains(SecretKeys::tokenKey(Profile::sandboxId(), tokenId));
}

QModelIndex tst_TokensPage::rowOf(const QString &portfolioId, const QString &tokenId) const
{
    const QModelIndex source = tokenId.isEmpty()
        ? m_page->treeModel()->indexOfPortfolio(portfolioId)
        : m_page->treeModel()->indexOfToken(portfolioId, tokenId);
    return m_page->filterModel()->mapFromSource(source);
}

QStringList tst_TokensPage::visiblePortfolios() const
{
    QStringList names;
    const QAbstractItemModel *model = m_page->treeView()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        names.append(model->index(row, PortfolioTreeModel::NameColumn).data().toString());
    return names;
}

int tst_TokensPage::visibleTokens() const
{
    int count = 0;
    const QAbstractItemModel *model = m_page->treeView()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        count += model->rowCount(model->index(row, 0));
    return count;
}

void tst_TokensPage::clickConfirmation(const char *buttonName)
{
    QTRY_VERIFY(m_page->confirmation() && m_page->confirmation()->isVisible());
    auto *button =
        m_page->confirmation()->findChild<QPushButton *>(QString::fromLatin1(buttonName));
    QVERIFY(button);
    button->click();
}

// ---- the view ---------------------------------------------------------------------------

void tst_TokensPage::treeShowsPortfoliosWithoutReadingTheKeychain()
{
    QAbstractItemModelTester tester(m_page->filterModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTest::qWait(100); // anything the page would do later has had its chance
    QCOMPARE(m_secrets->startedCount(), m_readsBeforePage);

    QCOMPARE(visiblePortfolios(),
             QStringList({ QStringLiteral("Alpha01"), QStringLiteral("Beta002") }));
    QCOMPARE(visibleTokens(), 2);
    QTreeView *tree = m_page->treeView();
    QVERIFY(tree->isExpanded(rowOf(m_alpha.portfolioId)));
    QVERIFY(tree->isExpanded(rowOf(m_beta.portfolioId)));
    QVERIFY(tree->uniformRowHeights());
    QCOMPARE(rowOf(m_alpha.portfolioId, m_alpha.tokenId).data().toString(), m_alpha.tokenName);

    // Selecting and looking at a token reads nothing either.
    QVERIFY(m_page->selectToken(m_alpha.portfolioId, m_alpha.tokenId));
    QTest::qWait(50);
    QCOMPARE(m_secrets->startedCount(), m_readsBeforePage);
    QVERIFY(!m_page->isRevealed());
}

void tst_TokensPage::filterNarrowsTheTree_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QStringList>("portfolios");
    QTest::addColumn<int>("tokens");

    QTest::newRow("portfolio name")
        << QStringLiteral("alpha") << QStringList { QStringLiteral("Alpha01") } << 1;
    QTest::newRow("upper case") << QStringLiteral("BETA0")
                                << QStringList { QStringLiteral("Beta002") } << 1;
    QTest::newRow("token name") << QStringLiteral("beta-b")
                                << QStringList { QStringLiteral("Beta002") } << 1;
    QTest::newRow("common") << QStringLiteral("-bot")
                            << QStringList { QStringLiteral("Alpha01"), QStringLiteral("Beta002") }
                            << 2;
    QTest::newRow("nothing") << QStringLiteral("zzz") << QStringList {} << 0;
}

void tst_TokensPage::filterNarrowsTheTree()
{
    QFETCH(QString, typed);
    QFETCH(QStringList, portfolios);
    QFETCH(int, tokens);

    QLineEdit *filter = m_page->filterEdit();
    QCOMPARE(filter->placeholderText(), QStringLiteral("Filter by portfolio or token name or id"));
    QVERIFY(filter->isClearButtonEnabled());
    filter->setFocus();
    QTest::keyClicks(filter, typed);
    QCOMPARE(visiblePortfolios(), portfolios);
    QCOMPARE(visibleTokens(), tokens);
    // What remains is open.
    for (int row = 0; row < m_page->treeView()->model()->rowCount(); ++row)
        QVERIFY(m_page->treeView()->isExpanded(m_page->treeView()->model()->index(row, 0)));

    filter->clear();
    QCOMPARE(visiblePortfolios().size(), 2);
    QCOMPARE(visibleTokens(), 2);
}

void tst_TokensPage::detailsOfAPortfolioAndAToken()
{
    QVERIFY(m_page->selectPortfolio(m_alpha.portfolioId));
    const auto portfolio = m_session->index()->portfolio(Profile::sandboxId(), m_alpha.portfolioId);
    QVERIFY(portfolio);
    QCOMPARE(label("portfolioName"), QStringLiteral("Alpha01"));
    QCOMPARE(label("portfolioId"), m_alpha.portfolioId);
    QCOMPARE(label("portfolioGcid"), QString::number(portfolio->gcid));
    QCOMPARE(label("portfolioMirrorId"), QString::number(portfolio->mirrorId));
    QCOMPARE(label("portfolioInvestment"), QStringLiteral("$2,000.00"));
    QCOMPARE(label("portfolioVirtualBalance"), portfolio->virtualBalance.toDisplayString());
    QCOMPARE(label("portfolioDescription"), QStringLiteral("Seeded by the test"));
    QVERIFY(find("addToken")->isVisible() && find("addToken")->isEnabled());
    QVERIFY(find("deletePortfolio")->isVisible() && find("deletePortfolio")->isEnabled());
    QVERIFY(!find("copyToken")->isVisible());

    QVERIFY(m_page->selectToken(m_alpha.portfolioId, m_alpha.tokenId));
    QCOMPARE(label("tokenName"), QStringLiteral("alpha-bot"));
    QCOMPARE(label("tokenId"), m_alpha.tokenId);
    QCOMPARE(label("tokenPortfolio"), QStringLiteral("Alpha01"));
    QCOMPARE(label("tokenScopes"),
             QStringLiteral("Real account: read (200)\nReal account: trade (202)"));
    QCOMPARE(label("tokenIps"), QStringLiteral("Any address"));
    QCOMPARE(label("tokenExpiryBadge"), QStringLiteral("Never expires"));
    QCOMPARE(label("tokenSecretState"), QStringLiteral("Stored in this computer's keychain."));
    for (const char *name :
         { "copyToken", "revealToken", "copyEnvLine", "editToken", "revokeToken", "forgetToken" })
        QVERIFY2(find(name)->isVisible() && find(name)->isEnabled(), name);
    QVERIFY(!find("pasteToken")->isVisible());
    QVERIFY(!find("addToken")->isVisible());
}

// ---- secrets on request -----------------------------------------------------------------

void tst_TokensPage::copyReadsTheKeychainOnce()
{
    QVERIFY(m_page->selectToken(m_alpha.portfolioId, m_alpha.tokenId));
    const int before = m_secrets->startedCount();
    QSignalSpy status(m_page.get(), &TokensPage::statusMessage);
    QTest::mouseClick(find("copyToken"), Qt::LeftButton);
    QTRY_COMPARE(clipboardText(), m_alpha.secret.reveal());
    QCOMPARE(m_secrets->startedCount(), before + 1);
    QVERIFY(m_clipboard->isGuarding());
    QVERIFY(noticeText().startsWith(QStringLiteral("Copied the secret of “alpha-bot”.")));
    // The status bar has the short form: its countdown says when the clipboard is cleared.
    QCOMPARE(status.size(), 1);
    QCOMPARE(status.first().first().toString(),
             QStringLiteral("Copied the secret of “alpha-bot”."));

    // Once the clipboard is cleared, "cleared in 30 seconds" would be stale: it goes.
    NoticePanel *notice = m_page->notice();
    QVERIFY(notice->isVisible());
    m_clipboard->clearNow();
    QTRY_VERIFY(!notice->isVisible());
    QVERIFY(clipboardText().isEmpty());

    // Also while the page is not shown (the other tab is): it is gone when the page is back.
    QTest::mouseClick(find("copyToken"), Qt::LeftButton);
    QTRY_VERIFY(notice->isVisible());
    m_page->hide();
    m_clipboard->clearNow();
    m_page->show();
    QVERIFY(!notice->isVisible());

    // Another message in its place stays when the clipboard is cleared.
    QTest::mouseClick(find("copyToken"), Qt::LeftButton);
    QTRY_VERIFY(notice->isVisible());
    notice->showMessage(NoticePanel::Tone::Information, QStringLiteral("Something else."));
    m_clipboard->clearNow();
    QTest::qWait(50);
    QVERIFY(notice->isVisible());
    QCOMPARE(noticeText(), QStringLiteral("Something else."));
}

void tst_TokensPage::ctrlCInTheTreeCopiesTheSecret()
{
    QVERIFY(m_page->selectToken(m_beta.portfolioId, m_beta.tokenId));
    m_page->treeView()->setFocus();
    QTest::keyClick(m_page->treeView(), Qt::Key_C, Qt::ControlModifier);
    QTRY_COMPARE(clipboardText(), m_beta.secret.reveal());

    // On a portfolio, Ctrl+C copies its id (not a secret: no countdown).
    QVERIFY(m_page->selectPortfolio(m_beta.portfolioId));
    m_page->treeView()->setFocus();
    QTest::keyClick(m_page->treeView(), Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(clipboardText(), m_beta.portfolioId);
    QVERIFY(!m_clipboard->isGuarding());
}

void tst_TokensPage::revealShowsThenHides()
{
    m_page->setRevealDuration(300ms);
    QVERIFY(m_page->selectToken(m_alpha.portfolioId, m_alpha.tokenId));
    auto *value = find<QLineEdit>("tokenValue");
    QVERIFY(value->text().isEmpty());
    QCOMPARE(value->echoMode(), QLineEdit::Password);
    QTest::mouseClick(find("revealToken"), Qt::LeftButton);
    QTRY_VERIFY(m_page->isRevealed());
    QCOMPARE(value->text(), m_alpha.secret.reveal());
    QCOMPARE(value->echoMode(), QLineEdit::Normal);
    QVERIFY(value->isReadOnly());
    QCOMPARE(find("revealToken")->text(), QStringLiteral("Hid&e"));
    // Hidden again on its own, and the value is gone from the widget.
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->isRevealed(), 3000);
    QVERIFY(value->text().isEmpty());
    QCOMPARE(value->echoMode(), QLineEdit::Password);
    QCOMPARE(find("revealToken")->text(), QStringLiteral("R&eveal"));

    // Hide by hand.
    m_page->setRevealDuration(20s);
    QTest::mouseClick(find("revealToken"), Qt::LeftButton);
    QTRY_VERIFY(m_page->isRevealed());
    QTest::mouseClick(find("revealToken"), Qt::LeftButton);
    QVERIFY(!m_page->isRevealed());
    QVERIFY(value->text().isEmpty());
}

void tst_TokensPage::revealHidesWhenTheSelectionChanges()
{
    QVERIFY(m_page->selectToken(m_alpha.portfolioId, m_alpha.tokenId));
    QTest::mouseClick(find("revealToken"), Qt::LeftButton);
    QTRY_VERIFY(m_page->isRevealed());
    QVERIFY(m_page->selectToken(m_beta.portfolioId, m_beta.tokenId));
    QVERIFY(!m_page->isRevealed());
    QVERIFY(find<QLineEdit>("tokenValue")->text().isEmpty());

    // A read that answers after the user moved on shows nothing.
    m_secrets->setNeverAnswer(true);
    QTest::mouseClick(find("revealToken"), Qt::LeftButton);
    QTRY_COMPARE(m_secrets->hangingCount(), 1);
    QVERIFY(m_page->selectToken(m_alpha.portfolioId, m_alpha.tokenId));
    m_secrets->answerHanging(SecretKeys::tokenKey(Profile::sandboxId(), m_beta.tokenId));
    QTRY_VERIFY(!m_manager->isBusy());
    QVERIFY(!m_page->isRevealed());
    QVERIFY(find<QLineEdit>("tokenValue")->text().isEmpty());
}

void tst_TokensPage::environmentLine()
{
    QVERIFY(m_page->selectToken(m_alpha.portfolioId, m_alpha.tokenId));
    QSignalSpy status(m_page.get(), &TokensPage::statusMessage);
    QTest::mouseClick(find("copyEnvLine"), Qt::LeftButton);
    QTRY_COMPARE(clipboardText(),
                 QStringLiteral("AGENTFOLIO_TOKEN_ALPHA_BOT=") + m_alpha.secret.reveal());
    QVERIFY(m_clipboard->isGuarding());
    QVERIFY(noticeText().startsWith(QStringLiteral("Copied AGENTFOLIO_TOKEN_ALPHA_BOT=…")));
    QVERIFY(!noticeText().contains(m_alpha.secret.reveal()));
    QCOMPARE(status.size(), 1);
    QCOMPARE(status.first().first().toString(),
             QStringLiteral("Copied AGENTFOLIO_TOKEN_ALPHA_BOT=…"));
}

void tst_TokensPage::copiesWithClearingTurnedOffSaySo_data()
{
    QTest::addColumn<QString>("button");
    QTest::newRow("secret") << QStringLiteral("copyToken");
    QTest::newRow("environment line") << QStringLiteral("copyEnvLine");
}

// No countdown says when the clipboard is cleared: the message does, on both bars.
void tst_TokensPage::copiesWithClearingTurnedOffSaySo()
{
    QFETCH(QString, button);
    m_clipboard->setClearDelay(0s);
    QVERIFY(m_page->selectToken(m_alpha.portfolioId, m_alpha.tokenId));
    QSignalSpy status(m_page.get(), &TokensPage::statusMessage);
    QTest::mouseClick(find(button.toLatin1().constData()), Qt::LeftButton);
    QTRY_COMPARE(status.size(), 1);
    QVERIFY2(noticeText().endsWith(QStringLiteral("The clipboard is not cleared automatically.")),
             qPrintable(noticeText()));
    QCOMPARE(status.first().first().toString(), noticeText());
    QVERIFY(!m_clipboard->isGuarding());
}

// ---- token actions ----------------------------------------------------------------------

void tst_TokensPage::editSendsOnlyWhatChanged()
{
    QVERIFY(m_page->selectToken(m_alpha.portfolioId, m_alpha.tokenId));
    QTest::mouseClick(find("editToken"), Qt::LeftButton);
    QTRY_VERIFY(m_page->editTokenDialog() && m_page->editTokenDialog()->isVisible());
    EditTokenDialog *dialog = m_page->editTokenDialog();
    auto *save = dialog->findChild<QPushButton *>(QStringLiteral("save"));
    QVERIFY(!save->isEnabled());
    dialog->findChild<QCheckBox *>(QStringLiteral("scope203"))->click();
    QVERIFY(save->isEnabled());
    UpdateTokenRequest expected;
    expected.scopeIds = QList<int> { 200, 202, 203 };
    QCOMPARE(dialog->request(), expected);
    save->click();
    QTRY_VERIFY(!m_page->editTokenDialog());
    QCOMPARE(m_session->sandbox()->requestCount("PATCH"), 1);
    const QByteArray body = m_session->sandbox()->requests().last().body;
    QVERIFY(body.contains("scopeIds"));
    QVERIFY(!body.contains("ipsWhitelist") && !body.contains("expiresAt"));
    QTRY_COMPARE(label("tokenScopes"),
                 QStringLiteral("Real account: read (200)\nReal account: trade (202)\n"
                                "Demo account: trade (203)"));
    QCOMPARE(indexed(m_alpha)->token.scopeIds, QList<int>({ 200, 202, 203 }));
    QCOMPARE(noticeText(), QStringLiteral("Updated “alpha-bot”."));
    // The selection stayed on the token.
    QCOMPARE(m_page->selectedTokenId(), m_alpha.tokenId);
}

void tst_TokensPage::editWithNothingChangedCannotSave()
{
    QVERIFY(m_page->selectToken(m_alpha.portfolioId, m_alpha.tokenId));
    QTest::mouseClick(find("editToken"), Qt::LeftButton);
    QTRY_VERIFY(m_page->editTokenDialog());
    EditTokenDialog *dialog = m_page->editTokenDialog();
    auto *save = dialog->findChild<QPushButton *>(QStringLiteral("save"));
    auto *scope = dialog->findChild<QCheckBox *>(QStringLiteral("scope200"));
    scope->click();
    QVERIFY(save->isEnabled());
    scope->click(); // back as it was
    QVERIFY(!save->isEnabled());
    QVERIFY(dialog->request().isEmpty());
    // No scope at all is the core's problem, shown in the dialog.
    scope->click();
    dialog->findChild<QCheckBox *>(QStringLiteral("scope202"))->click();
    QVERIFY(!save->isEnabled());
    QCOMPARE(dialog->shownProblems(),
             QStringList { QStringLiteral("Scopes: choose at least one.") });
    dialog->findChild<QPushButton *>(QStringLiteral("cancel"))->click();
    QTRY_VERIFY(!m_page->editTokenDialog());
    QCOMPARE(m_session->sandbox()->requestCount("PATCH"), 0);
}

void tst_TokensPage::revokeAfterConfirmation()
{
    QVERIFY(m_page->selectToken(m_alpha.portfolioId, m_alpha.tokenId));
    QTest::mouseClick(find("revokeToken"), Qt::LeftButton);
    QTRY_VERIFY(m_page->confirmation());
    QMessageBox *box = m_page->confirmation();
    QVERIFY(box->text().contains(QStringLiteral("“alpha-bot”")));
    QVERIFY(box->text().contains(QStringLiteral("“Alpha01”")));
    QCOMPARE(box->defaultButton()->objectName(), QStringLiteral("cancel"));
    clickConfirmation("confirm");
    QTRY_VERIFY(!rowOf(m_alpha.portfolioId, m_alpha.tokenId).isValid());
    QCOMPARE(m_session->sandbox()->requestCount("DELETE"), 1);
    QVERIFY(!keychainHas(m_alpha.tokenId));
    QVERIFY(!indexed(m_alpha));
    QVERIFY(m_session->sandbox()->portfolios().size() == 2);
    for (const Portfolio &portfolio : m_session->sandbox()->portfolios())
        QVERIFY(portfolio.id != m_alpha.portfolioId || portfolio.tokens.isEmpty());
    QCOMPARE(noticeText(), QStringLiteral("Revoked “alpha-bot” and forgot it here."));
    // What is left of the selection: its portfolio.
    QTRY_COMPARE(m_page->selectedPortfolioId(), m_alpha.portfolioId);
    QVERIFY(m_page->selectedTokenId().isEmpty());
    // The other token is untouched.
    QVERIFY(keychainHas(m_beta.tokenId));
}

void tst_TokensPage::revokeOfATokenTheServerNoLongerHas()
{
    QVERIFY(finished(m_session->client()->revokeToken(m_alpha.portfolioId, m_alpha.tokenId)));
    QVERIFY(m_page->selectToken(m_alpha.portfolioId, m_alpha.tokenId));
    QTest::mouseClick(find("revokeToken"), Qt::LeftButton);
    clickConfirmation("confirm");
    QTRY_VERIFY(!indexed(m_alpha));
    QCOMPARE(m_session->sandbox()->requestCount("DELETE"), 2);
    QVERIFY(!keychainHas(m_alpha.tokenId));
    QTRY_VERIFY(!rowOf(m_alpha.portfolioId, m_alpha.tokenId).isValid());
    QVERIFY(m_page->notice()->isVisible());
    QVERIFY(!noticeText().isEmpty());
}

void tst_TokensPage::forgetAfterConfirmation()
{
    QVERIFY(m_page->selectToken(m_beta.portfolioId, m_beta.tokenId));
    QTest::mouseClick(find("forgetToken"), Qt::LeftButton);
    QTRY_VERIFY(m_page->confirmation());
    QVERIFY(m_page->confirmation()->informativeText().contains(
        QStringLiteral("The secret cannot be recovered from eToro")));
    QCOMPARE(m_page->confirmation()->defaultButton()->objectName(), QStringLiteral("cancel"));
    clickConfirmation("confirm");
    QTRY_VERIFY(!indexed(m_beta));
    QVERIFY(!keychainHas(m_beta.tokenId));
    QTRY_VERIFY(!rowOf(m_beta.portfolioId, m_beta.tokenId).isValid());
    // Nothing was sent: the token still works on eToro.
    QCOMPARE(m_session->sandbox()->requestCount(), 0);
}

void tst_TokensPage::forgetWithoutQuestionWhenTheSettingSaysSo()
{
    // Settings: "Ask before revoking or forgetting a token" turned off.
    m_session->settings()->setConfirmDestructiveActions(false);
    QVERIFY(m_page->selectToken(m_beta.portfolioId, m_beta.tokenId));
    QTest::mouseClick(find("forgetToken"), Qt::LeftButton);
    QVERIFY(!m_page->confirmation());
    QTRY_VERIFY(!indexed(m_beta));
    QVERIFY(!keychainHas(m_beta.tokenId));
    m_session->settings()->setConfirmDestructiveActions(true);
}

void tst_TokensPage::forgetCancelledChangesNothing()
{
    QVERIFY(m_page->selectToken(m_beta.portfolioId, m_beta.tokenId));
    const int before = m_secrets->startedCount();
    QTest::mouseClick(find("forgetToken"), Qt::LeftButton);
    clickConfirmation("cancel");
    QTRY_VERIFY(!m_page->confirmation());
    QTest::qWait(50);
    QVERIFY(indexed(m_beta));
    QVERIFY(keychainHas(m_beta.tokenId));
    QCOMPARE(m_secrets->startedCount(), before);
    QVERIFY(rowOf(m_beta.portfolioId, m_beta.tokenId).isValid());
    QVERIFY(!m_page->notice()->isVisible());

    // Escape keeps things as they are too.
    QTest::mouseClick(find("forgetToken"), Qt::LeftButton);
    QTRY_VERIFY(m_page->confirmation());
    QTest::keyClick(m_page->confirmation(), Qt::Key_Escape);
    QTRY_VERIFY(!m_page->confirmation());
    QVERIFY(indexed(m_beta));
    QCOMPARE(m_secrets->startedCount(), before);
}

void tst_TokensPage::pasteValueForAnUnstoredToken()
{
    // A token made elsewhere: it reaches the index from the server's list, without secret.
    AddTokenRequest request;
    request.tokenName = QStringLiteral("made-elsewhere");
    request.scopeIds = { Scopes::DemoRead };
    ApiReply *added = m_session->client()->addToken(m_beta.portfolioId, request);
    QVERIFY(finished(added));
    QVERIFY(added->isOk());
    const QString tokenId = added->createdToken().token.id;
    QTest::keyClick(m_page.get(), Qt::Key_F5);
    QTRY_VERIFY(rowOf(m_beta.portfolioId, tokenId).isValid());

    QVERIFY(m_page->selectToken(m_beta.portfolioId, tokenId));
    QVERIFY(label("tokenSecretState").startsWith(QStringLiteral("Not stored here.")));
    QVERIFY(!find("copyToken")->isEnabled());
    QVERIFY(!find("revealToken")->isEnabled());
    QVERIFY(find("pasteToken")->isVisible() && find("pasteToken")->isEnabled());

    QTest::mouseClick(find("pasteToken"), Qt::LeftButton);
    QTRY_VERIFY(m_page->pasteTokenDialog() && m_page->pasteTokenDialog()->isVisible());
    PasteTokenDialog *dialog = m_page->pasteTokenDialog();
    auto *store = dialog->findChild<QPushButton *>(QStringLiteral("store"));
    QVERIFY(!store->isEnabled());
    QCOMPARE(dialog->valueEdit()->echoMode(), QLineEdit::Password);
    QGuiApplication::clipboard()->setText(QStringLiteral("  pasted-secret-value \n"));
    dialog->findChild<QPushButton *>(QStringLiteral("paste"))->click();
    QVERIFY(store->isEnabled());
    store->click();
    QTRY_VERIFY(m_secrets->value(SecretKeys::tokenKey(Profile::sandboxId(), tokenId)));
    QCOMPARE(m_secrets->value(SecretKeys::tokenKey(Profile::sandboxId(), tokenId))->reveal(),
             QStringLiteral("pasted-secret-value"));
    QTRY_VERIFY(
        m_session->index()->token(Profile::sandboxId(), m_beta.portfolioId, tokenId)->secretStored);
    QTRY_COMPARE(label("tokenSecretState"), QStringLiteral("Stored in this computer's keychain."));
    QVERIFY(find("copyToken")->isEnabled());
    QVERIFY(!find("pasteToken")->isVisible());
}

void tst_TokensPage::addTokenAppearsSelected()
{
    QVERIFY(m_page->selectPortfolio(m_alpha.portfolioId));
    QTest::mouseClick(find("addToken"), Qt::LeftButton);
    QTRY_VERIFY(m_page->addTokenDialog() && m_page->addTokenDialog()->isVisible());
    AddTokenDialog *dialog = m_page->addTokenDialog();
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("tokenName")),
                     QStringLiteral("second-bot"));
    dialog->findChild<QPushButton *>(QStringLiteral("addToken"))->click();
    QTRY_VERIFY(!m_page->addTokenDialog());
    QCOMPARE(m_session->sandbox()->requestCount("POST"), 1);

    QTRY_VERIFY(!m_page->selectedTokenId().isEmpty());
    const QString tokenId = m_page->selectedTokenId();
    QVERIFY(tokenId != m_alpha.tokenId);
    QCOMPARE(m_page->selectedPortfolioId(), m_alpha.portfolioId);
    QTRY_COMPARE(label("tokenName"), QStringLiteral("second-bot"));
    QVERIFY(keychainHas(tokenId));
    QTRY_COMPARE(label("tokenSecretState"), QStringLiteral("Stored in this computer's keychain."));
    QVERIFY(noticeText().startsWith(QStringLiteral("Added “second-bot” to “Alpha01”.")));
}

// The keychain refuses the new token's value: the tab says where the value is (this window's
// memory), what to do with it, and Copy still hands it over without asking the keychain.
void tst_TokensPage::addTokenTheKeychainRefusesIsHeldForCopying()
{
    QVERIFY(m_page->selectPortfolio(m_alpha.portfolioId));
    m_secrets->setFailure(SecretStoreError::Kind::AccessDenied);
    QTest::mouseClick(find("addToken"), Qt::LeftButton);
    QTRY_VERIFY(m_page->addTokenDialog() && m_page->addTokenDialog()->isVisible());
    AddTokenDialog *dialog = m_page->addTokenDialog();
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("tokenName")),
                     QStringLiteral("held-bot"));
    dialog->findChild<QPushButton *>(QStringLiteral("addToken"))->click();
    QTRY_VERIFY(!m_page->addTokenDialog());

    QTRY_VERIFY(!m_page->selectedTokenId().isEmpty());
    const QString tokenId = m_page->selectedTokenId();
    QVERIFY(!keychainHas(tokenId));
    const auto held = m_session->handOff()->pendingToken(tokenId);
    QVERIFY(held);
    QVERIFY2(noticeText().contains(QStringLiteral("kept in memory only"))
                 && noticeText().contains(QStringLiteral("password manager")),
             qPrintable(noticeText()));
    QTRY_VERIFY(label("tokenSecretState").contains(QStringLiteral("the keychain refused it")));
    QVERIFY2(
        label("tokenSecretState").contains(QStringLiteral("password manager"))
            && label("tokenSecretState").contains(QStringLiteral("lost when Agentfolio quits")),
        qPrintable(label("tokenSecretState")));

    // The list says it too: "not stored here" would read as nothing left to save.
    const auto secretCell = [&] {
        return rowOf(m_alpha.portfolioId, tokenId)
            .siblingAtColumn(PortfolioTreeModel::SecretColumn);
    };
    QCOMPARE(secretCell().data().toString(), QStringLiteral("only in memory"));
    QVERIFY(secretCell()
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("lost when Agentfolio quits")));

    QTest::mouseClick(find("copyToken"), Qt::LeftButton);
    QTRY_COMPARE(clipboardText(), held->token.secret.reveal());

    // Saved at last. While the keychain is at it, nothing says that it refused; then the mark
    // goes.
    m_secrets->setFailure(std::nullopt);
    m_secrets->setNeverAnswer(true);
    QTest::mouseClick(find("retryStore"), Qt::LeftButton);
    QTRY_COMPARE(m_secrets->hangingCount(), 1);
    QTRY_VERIFY(label("tokenSecretState").contains(QStringLiteral("Being saved")));
    QCOMPARE(secretCell().data().toString(), QStringLiteral("not stored here"));
    m_secrets->setNeverAnswer(false);
    m_secrets->answerHanging(SecretKeys::tokenKey(Profile::sandboxId(), tokenId));
    QTRY_VERIFY(keychainHas(tokenId));
    QTRY_COMPARE(secretCell().data().toString(), QStringLiteral("stored here"));
}

void tst_TokensPage::addTokenWithATakenNameShowsAtTheNameField()
{
    QVERIFY(m_page->selectPortfolio(m_alpha.portfolioId));
    QTest::mouseClick(find("addToken"), Qt::LeftButton);
    QTRY_VERIFY(m_page->addTokenDialog());
    AddTokenDialog *dialog = m_page->addTokenDialog();
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("tokenName")),
                     QStringLiteral("alpha-bot"));
    dialog->findChild<QPushButton *>(QStringLiteral("addToken"))->click();
    QTRY_VERIFY(!dialog->shownProblems(Field::TokenName).isEmpty());
    QVERIFY(dialog->shownProblems(Field::TokenName).first().contains(QStringLiteral("409")));
    QVERIFY(!dialog->isBusy());
    QVERIFY(dialog->isVisible());
    QCOMPARE(
        m_session->index()->portfolio(Profile::sandboxId(), m_alpha.portfolioId)->tokens.size(), 1);
    dialog->reject();
    QTRY_VERIFY(!m_page->addTokenDialog());
}

void tst_TokensPage::addTokenBeyondTheQuota()
{
    // The portfolio has one token; nine more reach the sandbox's cap of ten.
    for (int i = 0; i < 9; ++i) {
        AddTokenRequest request;
        request.tokenName = QStringLiteral("extra-%1").arg(i);
        request.scopeIds = { Scopes::DemoRead };
        ApiReply *reply = m_session->client()->addToken(m_alpha.portfolioId, request);
        QVERIFY(finished(reply));
        QVERIFY(reply->isOk());
    }
    QVERIFY(m_page->selectPortfolio(m_alpha.portfolioId));
    QTest::mouseClick(find("addToken"), Qt::LeftButton);
    QTRY_VERIFY(m_page->addTokenDialog());
    AddTokenDialog *dialog = m_page->addTokenDialog();
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("tokenName")),
                     QStringLiteral("one-too-many"));
    dialog->findChild<QPushButton *>(QStringLiteral("addToken"))->click();
    QTRY_VERIFY(!dialog->shownProblems(Field::None).isEmpty());
    const QString quota =
        QStringLiteral("This portfolio already has the most tokens eToro allows.");
    QVERIFY(dialog->shownProblems(Field::None).first().contains(quota));
    QVERIFY(dialog->shownProblems(Field::None).first().contains(QStringLiteral("Request id: ")));
    QVERIFY(noticeText().contains(quota));
    QVERIFY(!m_page->notice()->requestIdText().isEmpty());
    dialog->reject();
}

// The answer was lost after the server acted: the dialog and the notice say the token may have
// been added, and a refresh shows it, its value not stored.
void tst_TokensPage::addTokenLostAnswerSaysMayHaveBeenAdded()
{
    QVERIFY(m_page->selectPortfolio(m_alpha.portfolioId));
    QTest::mouseClick(find("addToken"), Qt::LeftButton);
    QTRY_VERIFY(m_page->addTokenDialog());
    AddTokenDialog *dialog = m_page->addTokenDialog();
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("tokenName")),
                     QStringLiteral("lost-bot"));
    SandboxServer::Fault drop;
    drop.kind = SandboxServer::Fault::Kind::DropAfterProcessing;
    drop.method = "POST";
    drop.times = 3;
    m_session->sandbox()->injectFault(drop);
    dialog->findChild<QPushButton *>(QStringLiteral("addToken"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->shownProblems(Field::None).isEmpty(), 10000);
    const QString shown = dialog->shownProblems(Field::None).first();
    QVERIFY2(shown.contains(QStringLiteral("“lost-bot” may have been added"))
                 && shown.contains(QStringLiteral("Refresh")),
             qPrintable(shown));
    QVERIFY(!noticeText().contains(QStringLiteral("not added")));
    QCOMPARE(m_session->sandbox()->requestCount("POST"), 1);
    dialog->reject();
    QTRY_VERIFY(!m_page->addTokenDialog());
    m_session->sandbox()->clearFaults();

    QTest::mouseClick(find("refresh"), Qt::LeftButton);
    QTRY_COMPARE(
        m_session->index()->portfolio(Profile::sandboxId(), m_alpha.portfolioId)->tokens.size(), 2);
}

// The answer said yes but could not be read, and its token is not listed: the value it carried
// is shown for copying, in a window that asks before it closes.
void tst_TokensPage::addTokenUnreadableAnswerValueIsHeldForCopying()
{
    QVERIFY(m_page->selectPortfolio(m_alpha.portfolioId));
    QTest::mouseClick(find("addToken"), Qt::LeftButton);
    QTRY_VERIFY(m_page->addTokenDialog());
    AddTokenDialog *dialog = m_page->addTokenDialog();
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("tokenName")),
                     QStringLiteral("held-bot"));
    SandboxServer::Fault unreadable;
    unreadable.kind = SandboxServer::Fault::Kind::Answer; // not processed: never listed
    unreadable.method = "POST";
    unreadable.status = 201;
    unreadable.contentType = QByteArrayLiteral("application/json");
    unreadable.body = QByteArrayLiteral(R"({"userTokenName":"held-bot","userToken":"sk_held"})");
    m_session->sandbox()->injectFault(unreadable);
    const QStringList keysBefore = m_secrets->keys();
    dialog->findChild<QPushButton *>(QStringLiteral("addToken"))->click();

    UnsavedValueDialog *held = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (held = dialog->findChild<UnsavedValueDialog *>()) && held->isVisible(), 10000);
    QCOMPARE(held->card()->storageState(), TokenCard::State::Unsaveable);
    // Why it could not be saved, which the add dialog it covers says too.
    const QString explanation = held->findChild<QLabel *>(QStringLiteral("explanation"))->text();
    QVERIFY2(explanation.contains(QStringLiteral("no token of that name is listed"))
                 && explanation.contains(QStringLiteral("Request id: ")),
             qPrintable(explanation));
    QVERIFY(!explanation.contains(QStringLiteral("sk_held")));
    held->card()->findChild<QPushButton *>(QStringLiteral("copyButton"))->click();
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("sk_held"));
    QCOMPARE(m_secrets->keys(), keysBefore);

    // "Close and lose it".
    const QPointer<UnsavedValueDialog> guard(held);
    const MessageBoxAnswer leave(QMessageBox::DestructiveRole);
    held->closeButton()->click();
    QVERIFY(leave.answered());
    QTRY_VERIFY(!guard);
    dialog->reject();
    QTRY_VERIFY(!m_page->addTokenDialog());
}

// ---- portfolio actions ------------------------------------------------------------------

void tst_TokensPage::refreshShowsAPortfolioCreatedElsewhere()
{
    CreatePortfolioRequest request;
    request.investment = Money::fromCents(50000);
    request.portfolioName = QStringLiteral("Gamma03");
    request.tokenName = QStringLiteral("gamma-bot");
    request.scopeIds = { Scopes::DemoRead };
    ApiReply *created = m_session->client()->createPortfolio(request);
    QVERIFY(finished(created));
    QVERIFY(created->isOk());
    const QString portfolioId = created->createResult().portfolio.id;
    const QString tokenId = created->createResult().createdTokens.first().token.id;
    QVERIFY(!rowOf(portfolioId).isValid());

    QTest::mouseClick(find("refresh"), Qt::LeftButton);
    QTRY_VERIFY(rowOf(portfolioId).isValid());
    QCOMPARE(visiblePortfolios(),
             QStringList({ QStringLiteral("Alpha01"), QStringLiteral("Beta002"),
                           QStringLiteral("Gamma03") }));
    QVERIFY(m_page->treeView()->isExpanded(rowOf(portfolioId)));
    const auto token = m_session->index()->token(Profile::sandboxId(), portfolioId, tokenId);
    QVERIFY(token && !token->secretStored);
    QVERIFY(!keychainHas(tokenId));
    QCOMPARE(rowOf(portfolioId, tokenId).data(PortfolioTreeModel::SecretStoredRole).toBool(),
             false);
    QTRY_VERIFY(noticeText().contains(QStringLiteral("1 new portfolio")));

    QVERIFY(m_page->selectPortfolio(portfolioId));
    QVERIFY(label("portfolioInvestment").startsWith(QStringLiteral("Not known")));
}

void tst_TokensPage::deleteRequiresTheTypedName()
{
    QVERIFY(m_page->selectPortfolio(m_alpha.portfolioId));
    QTest::mouseClick(find("deletePortfolio"), Qt::LeftButton);
    QTRY_VERIFY(m_page->deletePortfolioDialog() && m_page->deletePortfolioDialog()->isVisible());
    DeletePortfolioDialog *dialog = m_page->deletePortfolioDialog();
    const QString explanation = dialog->findChild<QLabel *>(QStringLiteral("explanation"))->text();
    QVERIFY(explanation.contains(QStringLiteral("stops its copy mirror")));
    QVERIFY(explanation.contains(QStringLiteral("revokes every one of its tokens")));
    QVERIFY(dialog->cancelButton()->isDefault());
    QVERIFY(!dialog->deleteButton()->isEnabled());

    QTest::keyClicks(dialog->nameEdit(), QStringLiteral("Alpha0"));
    QVERIFY(!dialog->deleteButton()->isEnabled());
    QTest::keyClicks(dialog->nameEdit(), QStringLiteral("1"));
    QVERIFY(dialog->deleteButton()->isEnabled());
    dialog->nameEdit()->setText(QStringLiteral("alpha01"));
    QVERIFY(!dialog->deleteButton()->isEnabled());
    dialog->nameEdit()->setText(QStringLiteral("Alpha01 "));
    QVERIFY(!dialog->deleteButton()->isEnabled());
    QCOMPARE(m_session->sandbox()->requestCount(), 0);

    dialog->nameEdit()->setText(QStringLiteral("Alpha01"));
    dialog->deleteButton()->click();
    QTRY_VERIFY(!rowOf(m_alpha.portfolioId).isValid());
    QCOMPARE(m_session->sandbox()->requestCount("DELETE"), 1);
    QCOMPARE(m_session->sandbox()->portfolios().size(), 1);
    QCOMPARE(m_session->sandbox()->portfolios().first().id, m_beta.portfolioId);
    QVERIFY(!m_session->index()->portfolio(Profile::sandboxId(), m_alpha.portfolioId));
    QTRY_VERIFY(!keychainHas(m_alpha.tokenId));
    QVERIFY(keychainHas(m_beta.tokenId));
    QCOMPARE(visiblePortfolios(), QStringList { QStringLiteral("Beta002") });
    QVERIFY(m_page->selectedPortfolioId().isEmpty());
}

// ---- faults -----------------------------------------------------------------------------

void tst_TokensPage::keychainFailureOnCopy()
{
    QVERIFY(m_page->selectToken(m_alpha.portfolioId, m_alpha.tokenId));
    m_secrets->setFailure(SecretStoreError::Kind::AccessDenied);
    QTest::mouseClick(find("copyToken"), Qt::LeftButton);
    QTRY_VERIFY(m_page->notice()->isVisible());
    const QString expected =
        SecretStoreError::make(SecretStoreError::Kind::AccessDenied,
                               SecretStoreError::Operation::Read,
                               SecretKeys::tokenKey(Profile::sandboxId(), m_alpha.tokenId))
            .message;
    QCOMPARE(noticeText(), expected);
    QVERIFY(clipboardText().isEmpty());
    // A locked keychain does not mean the secret is gone.
    QVERIFY(indexed(m_alpha)->secretStored);
    QVERIFY(find("copyToken")->isEnabled());

    m_secrets->setFailure(std::nullopt);
    QTest::mouseClick(find("copyToken"), Qt::LeftButton);
    QTRY_COMPARE(clipboardText(), m_alpha.secret.reveal());
}

void tst_TokensPage::secretMissingFromTheKeychain()
{
    bool done = false;
    QObject context;
    m_secrets->remove(SecretKeys::tokenKey(Profile::sandboxId(), m_alpha.tokenId), &context,
                      [&done](const SecretResult &) { done = true; });
    QTRY_VERIFY(done);

    QVERIFY(m_page->selectToken(m_alpha.portfolioId, m_alpha.tokenId));
    QTest::mouseClick(find("copyToken"), Qt::LeftButton);
    QTRY_VERIFY(noticeText().contains(QStringLiteral("is not in the keychain")));
    QVERIFY(clipboardText().isEmpty());
    // The index now says so, and the page offers to paste it.
    QTRY_VERIFY(!indexed(m_alpha)->secretStored);
    QTRY_VERIFY(label("tokenSecretState").startsWith(QStringLiteral("Not stored here.")));
    QVERIFY(find("pasteToken")->isVisible());
    QVERIFY(!find("copyToken")->isEnabled());
}

void tst_TokensPage::rateLimitedRefreshShowsTheRequestId()
{
    m_session->sandbox()->setRateLimit(1, 60);
    QTest::mouseClick(find("refresh"), Qt::LeftButton);
    QTRY_VERIFY(m_page->notice()->isVisible() && find("refresh")->isEnabled());
    QTest::mouseClick(find("refresh"), Qt::LeftButton);
    QTRY_VERIFY(noticeText().contains(QStringLiteral("Too many requests")));
    QTRY_VERIFY(!m_page->notice()->requestIdText().isEmpty());
    const QString requestId = m_session->sandbox()->requests().last().requestId;
    QCOMPARE(m_page->notice()->requestIdText(), requestId);
    // The index is untouched.
    QCOMPARE(visiblePortfolios().size(), 2);
}

void tst_TokensPage::actionsWaitWhileBusy()
{
    Fault slow;
    slow.kind = Fault::Kind::Delay;
    slow.delayMs = 400;
    slow.method = "GET";
    m_session->sandbox()->injectFault(slow);
    QVERIFY(m_page->selectToken(m_alpha.portfolioId, m_alpha.tokenId));
    QTest::mouseClick(find("refresh"), Qt::LeftButton);
    QVERIFY(m_manager->isBusy());
    for (const char *name : { "refresh", "copyToken", "revealToken", "copyEnvLine", "editToken",
                              "revokeToken", "forgetToken" })
        QVERIFY2(!find(name)->isEnabled(), name);
    // A second refresh while the first runs sends nothing.
    m_page->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!m_manager->isBusy(), 5000);
    QCOMPARE(m_session->sandbox()->requestCount("GET"), 1);
    for (const char *name : { "refresh", "copyToken", "editToken", "revokeToken" })
        QVERIFY2(find(name)->isEnabled(), name);
}

void tst_TokensPage::expiryBadges()
{
    // Whole seconds, as the wire carries them.
    QDateTime now = QDateTime::currentDateTimeUtc();
    now.setTime(QTime(now.time().hour(), now.time().minute(), now.time().second()));
    AddTokenRequest request;
    request.tokenName = QStringLiteral("short-lived");
    request.scopeIds = { Scopes::DemoRead };
    request.expiresAt = now.addDays(3).addSecs(3630);
    ApiReply *added = m_session->client()->addToken(m_beta.portfolioId, request);
    QVERIFY(finished(added));
    QVERIFY(added->isOk());
    const QString tokenId = added->createdToken().token.id;
    m_page->refresh();
    QTRY_VERIFY(rowOf(m_beta.portfolioId, tokenId).isValid());

    m_page->setNow([now] { return now; });
    QVERIFY(m_page->selectToken(m_beta.portfolioId, tokenId));
    QCOMPARE(label("tokenExpiryBadge"), QStringLiteral("In 3 days"));
    QVERIFY(label("tokenExpiry").contains(QStringLiteral("UTC")));
    m_page->setNow([now] { return now.addDays(3); });
    QCOMPARE(label("tokenExpiryBadge"), QStringLiteral("In 1 hour"));
    m_page->setNow([now] { return now.addDays(5); });
    QCOMPARE(label("tokenExpiryBadge"), QStringLiteral("Expired"));
    QCOMPARE(rowOf(m_beta.portfolioId, tokenId)
                 .data(PortfolioTreeModel::ExpiryStateRole)
                 .value<PortfolioTreeModel::ExpiryState>(),
             PortfolioTreeModel::ExpiryState::Expired);
}

void tst_TokensPage::keyboard()
{
    // Ctrl+F from anywhere in the page's window focuses the filter.
    m_page->treeView()->setFocus();
    QTest::keyClick(m_page->treeView(), Qt::Key_F, Qt::ControlModifier);
    QCOMPARE(QApplication::focusWidget(), m_page->filterEdit());

    // Tab follows the reading order: the filter and Refresh beside it, the tree, then the
    // details' inputs and buttons.
    QVERIFY(m_page->selectToken(m_alpha.portfolioId, m_alpha.tokenId));
    m_page->filterEdit()->setFocus();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("refresh"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), m_page->treeView());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("tokenValue"));
    // The rest row by row, as on screen (Forget is left of Revoke); Paste value and Retry
    // saving are hidden for a stored token.
    for (const char *next :
         { "copyToken", "revealToken", "copyEnvLine", "editToken", "forgetToken", "revokeToken" }) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget()->objectName(), QString::fromLatin1(next));
    }

    // The keyboard moves through the tree and the details follow.
    m_page->treeView()->setFocus();
    QVERIFY(m_page->selectPortfolio(m_alpha.portfolioId));
    QTest::keyClick(m_page->treeView(), Qt::Key_Down);
    QCOMPARE(m_page->selectedTokenId(), m_alpha.tokenId);
    QTest::keyClick(m_page->treeView(), Qt::Key_Down);
    QCOMPARE(m_page->selectedPortfolioId(), m_beta.portfolioId);
    QVERIFY(m_page->selectedTokenId().isEmpty());

    // Every input and button has a name for assistive technology.
    const auto widgets = m_page->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        if (qobject_cast<QAbstractButton *>(widget) || qobject_cast<QLineEdit *>(widget)
            || qobject_cast<QTreeView *>(widget)) {
            if (widget->parentWidget() && qobject_cast<QLineEdit *>(widget->parentWidget()))
                continue; // a line edit's own clear button
            if (widget->isHidden())
                continue; // e.g. the notice's action button, shown only with a label
            QVERIFY2(!widget->accessibleName().isEmpty(), qPrintable(widget->objectName()));
        }
    }

    // F5 refreshes.
    QTest::keyClick(m_page->treeView(), Qt::Key_F5);
    QTRY_COMPARE(m_session->sandbox()->requestCount("GET"), 1);
}

void tst_TokensPage::secretAppearsOnlyInTheRevealField()
{
    const QString secret = m_alpha.secret.reveal();
    // Every message logged meanwhile; the handler goes back however the test ends.
    static QStringList logged;
    logged.clear();
    struct Capture
    {
        QtMessageHandler previous =
            qInstallMessageHandler([](QtMsgType, const QMessageLogContext &,
                                      const QString &message) { logged.append(message); });
        ~Capture() { qInstallMessageHandler(previous); }
    };
    auto capture = std::make_unique<Capture>();

    QVERIFY(m_page->selectToken(m_alpha.portfolioId, m_alpha.tokenId));
    QTest::mouseClick(find("copyToken"), Qt::LeftButton);
    QTRY_COMPARE(clipboardText(), secret);
    QTest::mouseClick(find("copyEnvLine"), Qt::LeftButton);
    QTRY_COMPARE(clipboardText(), QStringLiteral("AGENTFOLIO_TOKEN_ALPHA_BOT=") + secret);
    QTest::mouseClick(find("revealToken"), Qt::LeftButton);
    QTRY_VERIFY(m_page->isRevealed());

    const auto check = [&](QWidget *widget) {
        QVERIFY2(!widget->toolTip().contains(secret), qPrintable(widget->objectName()));
        QVERIFY2(!widget->accessibleName().contains(secret), qPrintable(widget->objectName()));
        QVERIFY2(!widget->accessibleDescription().contains(secret),
                 qPrintable(widget->objectName()));
        if (auto *label = qobject_cast<QLabel *>(widget))
            QVERIFY2(!label->text().contains(secret), qPrintable(widget->objectName()));
        if (auto *edit = qobject_cast<QLineEdit *>(widget);
            edit && edit->objectName() != QStringLiteral("tokenValue"))
            QVERIFY2(!edit->text().contains(secret), qPrintable(widget->objectName()));
    };
    const auto widgets = m_page->findChildren<QWidget *>();
    for (QWidget *widget : widgets)
        check(widget);
    // Not in the model either, in any role.
    const QModelIndex row = m_page->treeModel()->indexOfToken(m_alpha.portfolioId, m_alpha.tokenId);
    for (int column = 0; column < PortfolioTreeModel::ColumnCount; ++column) {
        for (int role : { int(Qt::DisplayRole), int(Qt::ToolTipRole), int(Qt::AccessibleTextRole),
                          int(PortfolioTreeModel::SearchTextRole) })
            QVERIFY(!row.siblingAtColumn(column).data(role).toString().contains(secret));
    }

    m_page->hide();
    QVERIFY(!m_page->isRevealed());
    QVERIFY(find<QLineEdit>("tokenValue")->text().isEmpty());

    capture.reset();
    for (const QString &message : std::as_const(logged))
        QVERIFY2(!message.contains(secret), "a secret reached the log");
    QVERIFY(!logged.isEmpty()); // the debug categories are on: the capture saw the actions
}

// Alt+letter must reach one thing: a token's actions are used by keyboard.
void tst_TokensPage::everyMnemonicBesideATokenIsItsOwn()
{
    QVERIFY(m_page->selectToken(m_alpha.portfolioId, m_alpha.tokenId));
    const QStringList clashes = test::clashingMnemonics(m_page.get());
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));
}

// Names and messages quote what the user or the server typed. A long word without a space
// is cut at the edge; made the least width instead, it pushed the token's actions out of
// view behind a scroll bar, and a notice quoting it widened the window.
void tst_TokensPage::aLongWordWidensNothing()
{
    QVERIFY(m_page->selectToken(m_alpha.portfolioId, m_alpha.tokenId));
    auto *details = m_page->findChild<QWidget *>(QStringLiteral("tokenDetails"));
    QVERIFY(details && details->isVisible());
    const int detailsBefore = details->minimumSizeHint().width();
    const int pageBefore = m_page->minimumSizeHint().width();

    const QString word(120, QLatin1Char('x'));
    m_page->findChild<QLabel *>(QStringLiteral("tokenName"))->setText(word);
    m_page->findChild<QLabel *>(QStringLiteral("tokenClientId"))->setText(word);
    m_page->notice()->showMessage(NoticePanel::Tone::Information,
                                  QStringLiteral("Copied AGENTFOLIO_TOKEN_%1=… for an agent's "
                                                 "configuration.")
                                      .arg(word.toUpper()));
    QCOMPARE(details->minimumSizeHint().width(), detailsBefore);
    QCOMPARE(m_page->minimumSizeHint().width(), pageBefore);
    // Our own short words are still shown whole: the expiry badge.
    auto *badge = m_page->findChild<QLabel *>(QStringLiteral("tokenExpiryBadge"));
    QVERIFY(badge->isVisible());
    QTRY_VERIFY(badge->width() >= badge->sizeHint().width());
}

QTEST_MAIN(tst_TokensPage)
#include "tst_tokenspage.moc"
