#include "mainwindow.h"

#include "aboutdialog.h"
#include "accountdialog.h"
#include "addtokendialog.h"
#include "api/apiclient.h"
#include "clipboardguard.h"
#include "createportfoliopage.h"
#include "firstshow.h"
#include "noticepanel.h"
#include "resultpanel.h"
#include "session/appsettings.h"
#include "session/createflow.h"
#include "session/session.h"
#include "session/tokenmanager.h"
#include "settingsdialog.h"
#include "store/portfolioindex.h"
#include "store/profilestore.h"
#include "store/tokenhandoff.h"
#include "tokencard.h"
#include "tokenspage.h"
#include "unsavedvaluedialog.h"
#include "wrappinglabel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace agentfolio {

namespace {

Portfolio toPortfolio(const IndexedPortfolio &indexed)
{
    Portfolio portfolio;
    portfolio.id = indexed.id;
    portfolio.name = indexed.name;
    portfolio.gcid = indexed.gcid;
    portfolio.virtualBalance = indexed.virtualBalance;
    portfolio.mirrorId = indexed.mirrorId;
    portfolio.createdAt = indexed.createdAt;
    return portfolio;
}

// What an Agentfolio that stopped midway left behind, as recoverInterrupted() found it.
QString interruptedHandOffText(const QString &account, const QList<InterruptedToken> &tokens)
{
    QStringList sentences;
    for (const InterruptedToken &t : tokens) {
        const QString name = t.tokenName.isEmpty() ? t.tokenId : t.tokenName;
        const QString portfolio = t.portfolioName.isEmpty() ? t.portfolioId : t.portfolioName;
        switch (t.outcome) {
        case InterruptedToken::Outcome::Found:
            sentences << MainWindow::tr("Agentfolio stopped last time while saving the token "
                                        "“%1” of portfolio “%2” (account %3); its secret is in "
                                        "the keychain.")
                             .arg(name, portfolio, account);
            break;
        case InterruptedToken::Outcome::Lost:
            sentences << MainWindow::tr("Agentfolio stopped last time before the secret of the "
                                        "token “%1” of portfolio “%2” (account %3) reached the "
                                        "keychain. eToro cannot show it again: revoke this token "
                                        "and add a new one under Portfolios and tokens.")
                             .arg(name, portfolio, account);
            break;
        case InterruptedToken::Outcome::Unchecked:
            sentences << MainWindow::tr("Agentfolio stopped last time while saving the token "
                                        "“%1” of portfolio “%2” (account %3), and the keychain "
                                        "cannot be asked whether its secret is there: %4 "
                                        "Agentfolio asks again when it next starts.")
                             .arg(name, portfolio, account,
                                  t.error ? t.error->message : MainWindow::tr("no reason given"));
            break;
        }
    }
    return sentences.join(QLatin1Char(' '));
}

} // namespace

MainWindow::MainWindow(Session *session, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_flow(new CreateFlow(session, this))
    , m_clipboard(new ClipboardGuard(this))
{
    setWindowTitle(tr("Agentfolio"));
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    buildHeader(central);
    layout->addWidget(m_banner);

    m_notice = new NoticePanel(m_clipboard, central);
    layout->addWidget(m_notice);
    m_recoveryNotice = new NoticePanel(m_clipboard, central);
    m_recoveryNotice->setObjectName(QStringLiteral("recoveryNotice"));
    m_recoveryNotice->setAccessibleName(tr("Notice about tokens saved last time"));
    layout->addWidget(m_recoveryNotice);

    m_pages = new QStackedWidget(central);
    m_createPage = new CreatePortfolioPage(m_pages);
    m_resultPanel = new ResultPanel(m_clipboard, m_pages);
    // Each scrolls its own content and keeps its buttons in view: no scroll area around
    // them (a second one would lay out the whole form once more at start-up).
    m_pages->addWidget(m_createPage);
    m_pages->addWidget(m_resultPanel);

    // Two rooms: creating a portfolio, and coming back to its tokens.
    m_tokenManager = new TokenManager(m_session, this);
    // A value the result page holds unsaved, pasted onto its token under Portfolios and
    // tokens, is saved: leaving no longer asks about it.
    connect(
        m_tokenManager, &TokenManager::pastedSecretStored, this,
        [this](const QString &profileId, const QString &, const QString &, const Secret &secret) {
            if (!m_flow->releaseUnplaced(profileId, secret))
                return;
            m_resultPanel->heldValueSaved(secret);
            if (m_flow->unplacedTokens().isEmpty())
                m_notice->showMessage(
                    NoticePanel::Tone::Information,
                    tr("%1 was created, and every token value shown for it is now saved "
                       "in the keychain.")
                        .arg(m_flow->request().portfolioName));
        });
    m_tokensTab = new QWidget(central);
    auto *tokensLayout = new QVBoxLayout(m_tokensTab);
    tokensLayout->setContentsMargins(0, 0, 0, 0);
    m_tabs = new QTabWidget(central);
    m_tabs->setObjectName(QStringLiteral("mainTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_pages, tr("&New portfolio"));
    m_tabs->addTab(m_tokensTab, tr("&Portfolios and tokens"));
    m_tabs->setAccessibleName(tr("Sections"));
    layout->addWidget(m_tabs, 1);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_tabs->widget(index) == m_tokensTab)
            tokensPage();
    });
    setCentralWidget(central);

    m_clipboardStatus = new QLabel(this);
    statusBar()->addPermanentWidget(m_clipboardStatus);
    buildMenus();

    connect(m_createPage, &CreatePortfolioPage::createRequested, this, &MainWindow::confirmCreate);
    connect(m_flow, &CreateFlow::stateChanged, this, &MainWindow::flowStateChanged);
    connect(m_flow, &CreateFlow::succeeded, this, &MainWindow::createSucceeded);
    connect(m_flow, &CreateFlow::failed, this, &MainWindow::createFailed);
    connect(m_flow, &CreateFlow::checkFinished, this, &MainWindow::checkFinished);
    connect(m_notice, &NoticePanel::actionTriggered, this, &MainWindow::checkNow);
    connect(m_resultPanel, &ResultPanel::createAnotherRequested, this,
            &MainWindow::startNewPortfolio);
    connect(m_resultPanel, &ResultPanel::addTokenRequested, this, &MainWindow::addToken);
    connect(m_clipboard, &ClipboardGuard::countdownChanged, this, [this](int seconds) {
        m_clipboardStatus->setText(
            seconds > 0 ? tr("Clipboard clears in %n second(s)", nullptr, seconds) : QString());
    });
    connect(m_session, &Session::stateChanged, this, &MainWindow::showActiveProfile);
    connect(m_session->profiles(), &ProfileStore::profilesChanged, this,
            &MainWindow::refreshProfiles);

    // A corrupt index set aside, or one from a newer version kept read-only: say so.
    auto showIndexStatus = [this](const IndexStatus &status) {
        if (!status.isOk())
            otherNotice()->showMessage(status.kind == IndexStatus::Kind::CorruptMovedAside
                                           ? NoticePanel::Tone::Warning
                                           : NoticePanel::Tone::Error,
                                       status.message);
    };
    connect(m_session->index(), &PortfolioIndex::statusChanged, this, showIndexStatus);
    connect(m_session->handOff(), &TokenHandOff::interruptedTokensChecked, this,
            [this](const QString &profileId, const QList<InterruptedToken> &tokens) {
                const bool allFound =
                    std::all_of(tokens.cbegin(), tokens.cend(), [](const InterruptedToken &t) {
                        return t.outcome == InterruptedToken::Outcome::Found;
                    });
                const auto profile = m_session->profiles()->profile(profileId);
                const QString account = !profile ? profileId
                    : profile->isSandbox         ? tr("Sandbox")
                                                 : profile->displayName;
                m_recoveryNotice->showMessage(allFound ? NoticePanel::Tone::Information
                                                       : NoticePanel::Tone::Warning,
                                              interruptedHandOffText(account, tokens));
            });
    showIndexStatus(m_session->index()->status());
    connect(m_session->settings(), &AppSettings::changed, this, &MainWindow::applySettings);
    applySettings();
    m_createPage->setDraft(emptyDraft());

    refreshProfiles();
    showActiveProfile();
    // A create that Agentfolio stopped before settling: locked, and said so, from the start.
    if (m_flow->state() == CreateFlow::State::OutcomeUnknown) {
        flowStateChanged();
        if (m_flow->lastError())
            showOutcomeUnknown(*m_flow->lastError());
        updateLockControls(); // Check now waits for the account to connect
    }
    restoreWindowGeometry();
    // The form is why the window opens: start typing the amount straight away.
    if (auto *first = m_createPage->findChild<QWidget *>(QStringLiteral("investmentAmount")))
        first->setFocus(Qt::OtherFocusReason);
}

MainWindow::~MainWindow() = default;

void MainWindow::restoreWindowGeometry()
{
    const bool restored = restoreGeometry(m_session->settings()->mainWindowGeometry());
    const QScreen *screen = this->screen(); // the restored window's, if it was restored
    if (!screen) {
        if (!restored)
            resize(firstStartSize());
        return;
    }
    const QSize available = screen->availableSize();
    // restoreGeometry() moves a window whose screen has gone onto another, but keeps its
    // size: closed tall on a large monitor, it would open with Create below this screen.
    if (restored
        && ((windowState() & (Qt::WindowMaximized | Qt::WindowFullScreen))
            || (width() <= available.width() && height() <= available.height())))
        return;
    resize((restored ? size() : firstStartSize()).boundedTo(available * 9 / 10));
    if (restored)
        move(screen->availableGeometry().topLeft());
}

TokensPage *MainWindow::tokensPage()
{
    if (!m_tokensPage) {
        m_tokensPage = new TokensPage(m_session, m_tokenManager, m_clipboard, m_tokensTab);
        m_tokensTab->layout()->addWidget(m_tokensPage);
        connect(m_tokensPage, &TokensPage::statusMessage, this,
                [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    }
    return m_tokensPage;
}

void MainWindow::activateAfterFirstShow(const QString &profileId)
{
    m_session->select(profileId);
    afterFirstShow(this, [this, profileId] {
        // Unless the user has chosen an account meanwhile (that one is activated already).
        if (m_session->activeProfile().id == profileId
            && m_session->state() == Session::State::Connecting)
            m_session->activate(profileId);
        emit firstShown();
    });
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *addAccount = file->addAction(tr("&Add eToro account…"));
    connect(addAccount, &QAction::triggered, this, &MainWindow::addAccount);
    QAction *newPortfolio = file->addAction(tr("&New agent portfolio"));
    newPortfolio->setShortcut(QKeySequence::New);
    connect(newPortfolio, &QAction::triggered, this, &MainWindow::startNewPortfolio);
    // The way out of a lock no check can lift (an account that cannot be reached, a list
    // that never shows the portfolio): only when the outcome is unknown, and asked first.
    m_unlockAction = file->addAction(tr("&Unlock creating…"));
    m_unlockAction->setObjectName(QStringLiteral("unlockCreating"));
    m_unlockAction->setEnabled(false);
    connect(m_unlockAction, &QAction::triggered, this, &MainWindow::unlockCreating);
    file->addSeparator();
    QAction *preferences = file->addAction(tr("&Settings…"));
    preferences->setShortcut(QKeySequence::Preferences);
    preferences->setMenuRole(QAction::PreferencesRole);
    connect(preferences, &QAction::triggered, this, [this] {
        auto *dialog = new SettingsDialog(m_session->settings(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Agentfolio"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, [this] {
        auto *dialog = new AboutDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
}

void MainWindow::unlockCreating()
{
    if (m_flow->state() != CreateFlow::State::OutcomeUnknown)
        return;
    QMessageBox box(
        QMessageBox::Warning, tr("Unlock creating without a check?"),
        tr("Agentfolio cannot tell whether %1 was created. Unlock only if you have looked on "
           "eToro yourself: if it was created and you send it again, a second portfolio takes "
           "the money a second time. Any token value its answer carried is lost.")
            .arg(m_flow->request().portfolioName),
        QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("confirmUnlockDialog"));
    QPushButton *unlock = box.addButton(tr("I have checked: unlock"), QMessageBox::DestructiveRole);
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(cancel);
    box.setEscapeButton(cancel);
    box.exec();
    if (box.clickedButton() != unlock || !m_flow->abandonUnknownOutcome())
        return;
    m_notice->dismiss();
    statusBar()->showMessage(tr("Creating is unlocked."), 10000);
}

void MainWindow::applySettings()
{
    m_clipboard->setClearDelay(m_session->settings()->clipboardClearDelay());
}

CreatePortfolioDraft MainWindow::emptyDraft() const
{
    CreatePortfolioDraft draft;
    draft.scopeIds = m_session->settings()->defaultScopes();
    return draft;
}

void MainWindow::buildHeader(QWidget *central)
{
    m_banner = new QFrame(central);
    m_banner->setObjectName(QStringLiteral("profileBanner"));
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setAutoFillBackground(true);
    // Plain text, a bold title above a wrapped sentence: rich text would lay out a
    // QTextDocument at every resize, the largest single cost of the first paint.
    m_bannerTitle = new WrappingLabel(QString(), m_banner); // an account's name may be long
    m_bannerTitle->setObjectName(QStringLiteral("profileBannerTitle"));
    QFont titleFont = m_bannerTitle->font();
    titleFont.setBold(true);
    m_bannerTitle->setFont(titleFont);
    m_bannerText = new WrappingLabel(QString(), m_banner);
    m_bannerText->setObjectName(QStringLiteral("profileBannerText"));

    auto *accountLabel = new QLabel(tr("Acco&unt:"), m_banner);
    m_profileBox = new QComboBox(m_banner);
    m_profileBox->setObjectName(QStringLiteral("profileBox"));
    m_profileBox->setAccessibleName(tr("Account"));
    m_profileBox->setToolTip(tr("The account that portfolios are created in: the sandbox "
                                "(no real money) or one of your eToro accounts."));
    accountLabel->setBuddy(m_profileBox);
    auto *addButton = new QPushButton(tr("Add eToro account…"), m_banner);
    addButton->setAccessibleName(tr("Add eToro account"));
    connect(addButton, &QPushButton::clicked, this, &MainWindow::addAccount);
    connect(m_profileBox, &QComboBox::activated, this, &MainWindow::chooseProfile);

    auto *row = new QHBoxLayout;
    row->addWidget(accountLabel);
    row->addWidget(m_profileBox, 1);
    row->addWidget(addButton);
    auto *layout = new QVBoxLayout(m_banner);
    layout->addWidget(m_bannerTitle);
    layout->addWidget(m_bannerText);
    layout->addLayout(row);
}

void MainWindow::refreshProfiles()
{
    const QSignalBlocker blocker(m_profileBox);
    m_profileBox->clear();
    for (const Profile &profile : m_session->profiles()->profiles()) {
        const QString label = profile.isSandbox
            ? tr("Sandbox (no real money)")
            : tr("%1 (real eToro account)").arg(profile.displayName);
        m_profileBox->addItem(label, profile.id);
    }
    m_profileBox->setCurrentIndex(m_profileBox->findData(m_session->activeProfile().id));
}

bool MainWindow::isRealMoney() const
{
    return !m_session->activeProfile().isSandbox;
}

NoticePanel *MainWindow::otherNotice()
{
    // While a create's outcome is unknown (or being checked) the main notice holds Check now:
    // nothing may take its place, or the lock would have no way out. Other news then gets a
    // panel of its own, made only then (the tokens-saved-last-time panel is not overwritten).
    const CreateFlow::State state = m_flow->state();
    if (state != CreateFlow::State::OutcomeUnknown && state != CreateFlow::State::Checking)
        return m_notice;
    if (!m_statusNotice) {
        m_statusNotice = new NoticePanel(m_clipboard, m_notice->parentWidget());
        m_statusNotice->setObjectName(QStringLiteral("statusNotice"));
        m_statusNotice->setAccessibleName(tr("Notice while a create is unresolved"));
        auto *layout = qobject_cast<QBoxLayout *>(m_notice->parentWidget()->layout());
        layout->insertWidget(layout->indexOf(m_notice) + 1, m_statusNotice);
    }
    return m_statusNotice;
}

void MainWindow::updateLockControls()
{
    if (m_unlockAction)
        m_unlockAction->setEnabled(m_flow->state() == CreateFlow::State::OutcomeUnknown);
    // Check now asks the account's list: only once the account is connected.
    if (m_flow->state() == CreateFlow::State::OutcomeUnknown)
        m_notice->setActionEnabled(m_session->isReady());
    // While a create's outcome is unknown the account stays the one to check it from; only a
    // window on another account (a create restored from an earlier run) may switch to it.
    m_profileBox->setEnabled(!m_flow->isBusy()
                             && (m_flow->state() != CreateFlow::State::OutcomeUnknown
                                 || m_flow->profileId() != m_session->activeProfile().id));
}

void MainWindow::showActiveProfile()
{
    const Profile &profile = m_session->activeProfile();
    m_profileBox->setCurrentIndex(m_profileBox->findData(profile.id));
    updateLockControls();
    // A real-money account must never be mistaken for the sandbox: it gets the
    // highlight colours of the user's palette and says so in words.
    QPalette palette = this->palette();
    QString title;
    QString text;
    if (profile.isSandbox) {
        palette.setColor(QPalette::Window, palette.color(QPalette::AlternateBase));
        title = tr("Sandbox");
        text = tr("A simulation on this computer. No real money moves and nothing reaches "
                  "eToro. Add your eToro account to create real portfolios.");
    } else {
        palette.setColor(QPalette::Window, palette.color(QPalette::Highlight));
        palette.setColor(QPalette::WindowText, palette.color(QPalette::HighlightedText));
        title = tr("Real eToro account: %1").arg(profile.displayName);
        text = tr("Creating a portfolio takes real money from this account's balance.");
    }
    switch (m_session->state()) {
    case Session::State::Connecting:
        // The sandbox is up within a moment, with nothing to wait for.
        if (!profile.isSandbox)
            text += QLatin1Char(' ') + tr("Reading the account's keys…");
        break;
    case Session::State::Failed:
        otherNotice()->showMessage(NoticePanel::Tone::Error, m_session->problem());
        break;
    case Session::State::Ready:
    case Session::State::Inactive:
        break;
    }
    m_banner->setPalette(palette);
    m_createPage->setRealMoney(!profile.isSandbox);
    m_bannerTitle->setText(title);
    m_bannerText->setText(text);
    // Ending in the application's display name, so that Qt does not append it a second time
    // ("Agentfolio — Sandbox — Agentfolio" in the title bar and the task switcher).
    setWindowTitle(profile.isSandbox ? tr("Sandbox — Agentfolio")
                                     : tr("%1 (real money) — Agentfolio").arg(profile.displayName));
}

void MainWindow::chooseProfile(int index)
{
    const QString id = m_profileBox->itemData(index).toString();
    if (id == m_session->activeProfile().id)
        return;
    if (m_flow->state() == CreateFlow::State::OutcomeUnknown && id == m_flow->profileId()) {
        // A create restored from an earlier run, checked from its own account.
        if (m_statusNotice)
            m_statusNotice->dismiss(); // what it says was about the other account
        m_session->activate(id);
        return;
    }
    if (m_flow->isBusy() || m_flow->state() == CreateFlow::State::OutcomeUnknown) {
        // The pending outcome belongs to this account: settle it first.
        showActiveProfile();
        otherNotice()->showMessage(
            NoticePanel::Tone::Warning,
            tr("Finish with the current request before switching accounts."));
        return;
    }
    if (!mayDropUnplacedTokens()) {
        showActiveProfile();
        return;
    }
    m_flow->reset();
    m_notice->dismiss();
    if (m_statusNotice)
        m_statusNotice->dismiss();
    m_session->activate(id);
    showCreatePage();
}

void MainWindow::addAccount()
{
    auto *dialog =
        new AccountDialog(m_session->profiles(), m_session->secrets(), m_session->network(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        refreshProfiles();
        const int index = m_profileBox->findData(dialog->createdProfileId());
        if (index >= 0)
            chooseProfile(index);
    });
    dialog->open();
}

void MainWindow::confirmCreate(const CreatePortfolioRequest &request)
{
    // One confirmation, one request: a second Enter or click while either is open or
    // under way does nothing.
    if (confirmation() || m_flow->isBusy())
        return;
    if (m_flow->state() == CreateFlow::State::OutcomeUnknown) {
        m_notice->showMessage(NoticePanel::Tone::Warning,
                              tr("Check what happened to the last request before creating "
                                 "another portfolio."));
        m_notice->setAction(tr("Check now"));
        m_notice->setDismissible(false);
        return;
    }
    if (!m_session->isReady()) {
        m_notice->showMessage(NoticePanel::Tone::Error,
                              m_session->problem().isEmpty()
                                  ? tr("The account is not ready yet; try again in a moment.")
                                  : m_session->problem());
        return;
    }
    const QString amount = request.investment.toDisplayString(locale());
    const Profile &profile = m_session->activeProfile();
    auto *box = new QMessageBox(this);
    box->setObjectName(QStringLiteral("confirmCreateDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowTitle(tr("Create agent portfolio?"));
    box->setIcon(isRealMoney() ? QMessageBox::Warning : QMessageBox::Question);
    box->setText(isRealMoney()
                     ? tr("%1 will be taken from your real eToro balance to copy %2.")
                           .arg(amount, request.portfolioName)
                     : tr("%1 will be taken from the sandbox's simulated balance to copy %2. No "
                          "real money moves.")
                           .arg(amount, request.portfolioName));
    box->setInformativeText(
        tr("Account: %1. The investment cannot be changed afterwards; the copy mirrors the "
           "portfolio's trades in proportion to its virtual balance.")
            .arg(profile.isSandbox ? tr("Sandbox") : profile.displayName));
    QPushButton *create =
        box->addButton(tr("Create and invest %1").arg(amount), QMessageBox::AcceptRole);
    create->setObjectName(QStringLiteral("confirmCreateButton"));
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    connect(box, &QMessageBox::buttonClicked, this, [this, create, request](QAbstractButton *b) {
        if (b != create)
            return; // Cancel sends nothing.
        m_createPage->clearServerProblems();
        m_notice->dismiss();
        if (!m_flow->submit(request))
            m_notice->showMessage(NoticePanel::Tone::Error,
                                  tr("The request was not sent: another one is under way."));
    });
    m_confirmation = box;
    box->open();
}

void MainWindow::flowStateChanged()
{
    const CreateFlow::State state = m_flow->state();
    const QString name = m_flow->request().portfolioName;
    switch (state) {
    case CreateFlow::State::Sending:
        m_createPage->setBusy(true, tr("Creating %1…").arg(name));
        statusBar()->showMessage(tr("Creating %1…").arg(name));
        break;
    case CreateFlow::State::Checking:
        m_createPage->setBusy(true, tr("Checking whether %1 exists…").arg(name));
        m_notice->setActionEnabled(false);
        break;
    case CreateFlow::State::OutcomeUnknown:
        // Nothing may be sent until the user knows whether money moved.
        m_createPage->setBusy(true, tr("Locked until you check what happened to %1.").arg(name));
        statusBar()->clearMessage(); // no longer "Creating…"; the notice says what to do
        break;
    case CreateFlow::State::Idle:
    case CreateFlow::State::Succeeded:
    case CreateFlow::State::Failed:
        m_createPage->setBusy(false);
        statusBar()->clearMessage();
        break;
    }
    updateLockControls();
}

void MainWindow::createSucceeded(const CreatePortfolioResult &result)
{
    m_notice->dismiss();
    m_resultPanel->showResult(m_session->activeProfile().id, result, m_flow->request().investment,
                              m_flow->requestId(), m_session->handOff());
    m_pages->setCurrentIndex(1);
    statusBar()->showMessage(tr("Created %1.").arg(result.portfolio.name), 10000);
}

void MainWindow::showOutcomeUnknown(const ApiError &error)
{
    QString text = error.message();
    if (const int carried = int(m_flow->salvagedTokenCount()); carried > 0)
        text += QLatin1Char(' ')
            + tr("The answer did carry %n token(s), which Agentfolio holds for now: choose "
                 "Check now to find the portfolio and save them in the keychain.",
                 nullptr, carried);
    // A failed check shows its own error (red); the create's stays a warning.
    m_notice->showMessage(error.kind == ApiError::Kind::OutcomeUnknown ? NoticePanel::Tone::Warning
                                                                       : NoticePanel::Tone::Error,
                          text, error.requestId);
    m_notice->setAction(tr("Check now"));
    m_notice->setDismissible(false);
}

void MainWindow::createFailed(const ApiError &error)
{
    if (error.kind == ApiError::Kind::OutcomeUnknown) {
        showOutcomeUnknown(error);
        return;
    }
    m_notice->showError(error);
    if (error.kind == ApiError::Kind::RateLimited) {
        if (const auto when = error.rateLimit.retryAt(QDateTime::currentDateTime()))
            m_notice->showMessage(
                NoticePanel::Tone::Error,
                error.message() + QLatin1Char(' ')
                    + tr("You can try again at %1.")
                          .arg(locale().toString(when->toLocalTime().time(), QLocale::ShortFormat)),
                error.requestId);
    }
    if (error.field != Field::None) {
        m_createPage->showServerProblem(
            error.field, error.serverMessage.isEmpty() ? error.message() : error.serverMessage);
    }
}

void MainWindow::checkNow()
{
    if (m_flow->checkNow()) {
        statusBar()->showMessage(
            tr("Looking for %1 on eToro…").arg(m_flow->request().portfolioName));
        return;
    }
    if (m_flow->state() == CreateFlow::State::OutcomeUnknown
        && m_flow->profileId() != m_session->activeProfile().id) {
        const auto profile = m_session->profiles()->profile(m_flow->profileId());
        const QString account = !profile ? m_flow->profileId()
            : profile->isSandbox         ? tr("Sandbox")
                                         : profile->displayName;
        statusBar()->showMessage(tr("%1 was sent for the account %2: switch to it to check.")
                                     .arg(m_flow->request().portfolioName, account),
                                 10000);
    }
}

void MainWindow::checkFinished(CreateFlow::CheckResult checkResult)
{
    const QString name = m_flow->request().portfolioName;
    const auto &adopted = m_flow->adoptedPortfolio();
    if (m_flow->state() == CreateFlow::State::Succeeded && adopted) {
        CreatePortfolioResult result;
        result.portfolio = toPortfolio(*adopted);
        result.createdTokens = m_flow->rescuedTokens();
        result.tokenCreated = !result.createdTokens.isEmpty();
        const QList<CreatedToken> &unplaced = m_flow->unplacedTokens();
        m_resultPanel->showResult(m_session->activeProfile().id, result,
                                  adopted->investment.value_or(m_flow->request().investment),
                                  m_flow->requestId(), m_session->handOff(), unplaced);
        m_pages->setCurrentIndex(1);
        QString text;
        if (!unplaced.isEmpty())
            text = tr("%1 was created: it is now in your list. Its answer carried %n token "
                      "value(s) that Agentfolio could not save, shown below: keep them safe now, "
                      "in your agent's configuration or a password manager.",
                      nullptr, int(unplaced.size()))
                       .arg(name);
        else if (result.tokenCreated)
            text = tr("%1 was created: it is now in your list. Its answer could not be read in "
                      "full, but it carried the token's value, which is saved below like any "
                      "other.")
                       .arg(name);
        else
            text = tr("%1 was created: it is now in your list. Its token's value was lost with "
                      "the answer and eToro never shows it again; add a new token to use the "
                      "portfolio.")
                       .arg(name);
        m_notice->showMessage(NoticePanel::Tone::Warning, text, m_flow->requestId());
        return;
    }
    if (checkResult == CreateFlow::CheckResult::NotYetListed) {
        m_notice->showMessage(
            NoticePanel::Tone::Warning,
            m_flow->salvagedTokenCount() > 0
                ? tr("eToro does not list a portfolio named %1 yet, but the answer to the "
                     "request carried its token, so it was created. Check again in a moment; "
                     "until then Agentfolio holds the token and sends nothing.")
                      .arg(name)
                : tr("eToro does not list a portfolio named %1 yet, but it answered the "
                     "request with a success, so it was created. Check again in a moment; "
                     "until then Agentfolio sends nothing.")
                      .arg(name),
            m_flow->requestId());
        m_notice->setAction(tr("Check now"));
        m_notice->setDismissible(false);
        return;
    }
    if (m_flow->state() == CreateFlow::State::Failed) {
        m_notice->showMessage(NoticePanel::Tone::Information,
                              tr("There is no portfolio named %1 on eToro: it was not created and "
                                 "no money moved. You can send it again.")
                                  .arg(name),
                              m_flow->requestId());
        return;
    }
    // The check itself failed: still unknown, still locked.
    if (m_flow->lastError())
        showOutcomeUnknown(*m_flow->lastError());
}

bool MainWindow::mayDropUnplacedTokens()
{
    if (m_flow->unplacedTokens().isEmpty())
        return true;
    const int count = int(m_flow->unplacedTokens().size());
    QMessageBox box(QMessageBox::Warning, tr("Leave %n token value(s) unsaved?", nullptr, count),
                    tr("%n token value(s) shown for %1 are saved nowhere: if you go on, they are "
                       "gone for good, and eToro never shows them again. Put them in your "
                       "agent's configuration or a password manager first.",
                       nullptr, count)
                        .arg(m_flow->request().portfolioName),
                    QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("confirmLeaveDialog"));
    QPushButton *leave =
        box.addButton(tr("Lose %n token value(s)", nullptr, count), QMessageBox::DestructiveRole);
    QPushButton *stay =
        box.addButton(tr("Stay", "keep the unsaved token values"), QMessageBox::RejectRole);
    box.setDefaultButton(stay);
    box.setEscapeButton(stay);
    box.exec();
    return box.clickedButton() == leave;
}

bool MainWindow::showCreatePage()
{
    if (m_flow->state() == CreateFlow::State::Succeeded && !mayDropUnplacedTokens())
        return false;
    m_tabs->setCurrentWidget(m_pages);
    if (m_flow->state() == CreateFlow::State::Succeeded) {
        m_flow->reset();
        m_createPage->setDraft(emptyDraft());
    }
    m_pages->setCurrentIndex(0);
    return true;
}

void MainWindow::startNewPortfolio()
{
    // Ready to type: the focus was on the page that just went, and would fall on the tabs.
    // Not for every way to the page: stepping through accounts in their box must stay there.
    if (showCreatePage() && m_createPage->isEnabled())
        m_createPage->setFocus(Qt::OtherFocusReason);
}

void MainWindow::addToken(const QString &portfolioId)
{
    if (m_addTokenDialog)
        return;
    const QString profileId = m_session->activeProfile().id;
    const auto indexed = m_session->index()->portfolio(profileId, portfolioId);
    const QString name = indexed ? indexed->name : portfolioId;
    auto *dialog = new AddTokenDialog(name, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_addTokenDialog = dialog;
    // Through the token manager, as on the tokens tab: the same hand-off, and the same rescue
    // of a value that came back in an unreadable answer.
    connect(dialog, &AddTokenDialog::addRequested, this,
            [this, dialog, profileId, portfolioId](const AddTokenRequest &request) {
                if (dialog->isBusy())
                    return;
                dialog->setBusy(true, tr("Adding the token…"));
                m_tokenManager->addToken(
                    portfolioId, request, dialog,
                    [this, dialog, profileId, portfolioId](const TokenActionOutcome &outcome,
                                                           const CreatedToken &created) {
                        dialog->setBusy(false);
                        if (!outcome.ok) {
                            const QString shown = outcome.apiError ? outcome.message
                                    + QLatin1Char(' ') + outcome.apiError->requestIdText()
                                                                   : outcome.message;
                            dialog->showServerProblem(
                                outcome.apiError ? outcome.apiError->field : Field::None, shown);
                            // A value the answer carried but nothing could save: this is the
                            // user's only chance to keep it.
                            if (!created.secret.isEmpty()) {
                                auto *held =
                                    new UnsavedValueDialog(created, shown, m_clipboard, dialog);
                                held->setAttribute(Qt::WA_DeleteOnClose);
                                held->open();
                            }
                            return;
                        }
                        CreatePortfolioResult result;
                        const auto indexed = m_session->index()->portfolio(profileId, portfolioId);
                        if (indexed)
                            result.portfolio = toPortfolio(*indexed);
                        result.portfolio.id = portfolioId;
                        result.createdTokens = { created };
                        // After the hand-off's first answer: a token the keychain refused is
                        // pending there (the card shows it, with Retry); any other is saved.
                        m_resultPanel->showResult(
                            profileId, result,
                            indexed && indexed->investment ? *indexed->investment : Money(),
                            outcome.requestId, m_session->handOff());
                        if (TokenCard *card = m_resultPanel->tokenCard(created.token.id); card
                            && !outcome.storeError
                            && !m_session->handOff()->pendingToken(created.token.id))
                            card->setStorageState(TokenCard::State::Saved);
                        m_pages->setCurrentIndex(1);
                        statusBar()->showMessage(outcome.message, 10000);
                        dialog->accept();
                    });
            });
    dialog->open();
}

QString MainWindow::lossWarning() const
{
    QStringList names;
    for (const PendingToken &pending : m_session->handOff()->pendingTokens())
        names << tr("%1 (portfolio %2)").arg(pending.token.token.name, pending.portfolioName);
    if (names.isEmpty())
        return {};
    return tr("%n token(s) could not be saved in the keychain: %1. If you quit now, their values "
              "are lost for good; eToro never shows a token again. Put them in your agent's "
              "configuration or a password manager first, or retry saving.",
              nullptr, int(names.size()))
        .arg(names.join(QStringLiteral(", ")));
}

void MainWindow::acceptClose(QCloseEvent *event)
{
    m_session->settings()->setMainWindowGeometry(saveGeometry());
    event->accept();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QStringList risks;
    if (m_flow->isBusy())
        risks << tr("A request to eToro is still under way; if you quit, you will not learn "
                    "whether the portfolio was created.");
    if (m_flow->state() == CreateFlow::State::OutcomeUnknown)
        risks << tr("The last create's outcome is unknown: money may have moved. Check now "
                    "before quitting, or look for the portfolio %1 later.")
                     .arg(m_flow->request().portfolioName)
                + (m_flow->salvagedTokenCount() > 0 ? QLatin1Char(' ')
                           + tr("Its answer carried a token that Agentfolio holds only in memory: "
                                "if you quit before checking, its value is lost.")
                                                    : QString());
    if (!m_flow->unplacedTokens().isEmpty())
        risks << tr("%n token value(s) shown for %1 could not be saved and are held only in "
                    "memory: if you quit, they are gone for good. Put them in your agent's "
                    "configuration or a password manager first.",
                    nullptr, int(m_flow->unplacedTokens().size()))
                     .arg(m_flow->request().portfolioName);
    if (m_tokenManager->isBusy() || (m_addTokenDialog && m_addTokenDialog->isBusy()))
        risks << tr("A token request is still under way; its answer carries a secret that "
                    "eToro shows only once.");
    const QString loss = lossWarning();
    if (!loss.isEmpty())
        risks << loss;
    if (risks.isEmpty()) {
        acceptClose(event);
        return;
    }
    QMessageBox box(QMessageBox::Warning, tr("Quit Agentfolio?"),
                    risks.join(QStringLiteral("\n\n")), QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("confirmQuitDialog"));
    QPushButton *quit = box.addButton(tr("Quit and lose them"), QMessageBox::DestructiveRole);
    QPushButton *stay = box.addButton(tr("Stay"), QMessageBox::RejectRole);
    box.setDefaultButton(stay);
    box.setEscapeButton(stay);
    box.exec();
    if (box.clickedButton() == quit)
        acceptClose(event);
    else
        event->ignore();
}

} // namespace agentfolio
