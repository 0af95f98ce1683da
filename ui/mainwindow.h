#pragma once

#include "addtokendialog.h"
#include "domain/requests.h"
#include "domain/validation.h"
#include "session/createflow.h"

#include <QMainWindow>
#include <QMessageBox>
#include <QPointer>

class QAction;
class QComboBox;
class QFrame;
class QLabel;

class QStackedWidget;
class QTabWidget;

namespace agentfolio {

class ClipboardGuard;
class CreatePortfolioPage;
class NoticePanel;
class ResultPanel;
class TokenManager;
class TokensPage;
class Session;
struct ApiError;
struct CreatePortfolioResult;

// The main path: the active account, the create form, the confirmation, the
// request's progress and errors, and the result with its tokens. The window only
// shows state and forwards intent; the Session and CreateFlow do the work.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Session *session, QWidget *parent = nullptr);
    ~MainWindow() override;

    // The size a first start opens with, where the screen has room for it: the whole create
    // form with nothing to scroll (in English and German, with the usual desktop fonts), on a
    // window that fits the usable height of a 1366 x 768 laptop screen with its title bar and a
    // panel. After that, the window opens as it was last closed, made smaller if that no
    // longer fits its screen.
    static QSize firstStartSize() { return { 960, 660 }; }

    // Start-up: shows `profileId` as the active account at once, and connects to it (the
    // sandbox's server, the account's keys in the keychain) only once the window has first
    // been shown, so that nothing slow or prompting can hold the window back.
    void activateAfterFirstShow(const QString &profileId);

    CreatePortfolioPage *createPage() const { return m_createPage; }
    ResultPanel *resultPanel() const { return m_resultPanel; }
    // Built when first needed (its tab is opened, or this is called): with thousands of
    // tokens, filling it would hold the window back at start-up.
    TokensPage *tokensPage();
    NoticePanel *notice() const { return m_notice; }
    // What an Agentfolio that stopped midway left behind: apart from notice(), so that
    // neither report replaces the other (a "Check now" must stay).
    NoticePanel *recoveryNotice() const { return m_recoveryNotice; }
    CreateFlow *createFlow() const { return m_flow; }
    ClipboardGuard *clipboard() const { return m_clipboard; }
    // The open confirmation, if any (tests press its buttons).
    QMessageBox *confirmation() const
    {
        return m_confirmation && m_confirmation->isVisible() ? m_confirmation.data() : nullptr;
    }

signals:
    // After activateAfterFirstShow(): the window has been shown and the activation started.
    void firstShown();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void restoreWindowGeometry();
    void acceptClose(QCloseEvent *event);
    void applySettings();
    CreatePortfolioDraft emptyDraft() const;
    void buildHeader(QWidget *central);
    void refreshProfiles();
    void showActiveProfile();
    void updateLockControls();
    void unlockCreating();
    NoticePanel *otherNotice();
    void chooseProfile(int index);
    void addAccount();

    void confirmCreate(const CreatePortfolioRequest &request);
    void flowStateChanged();
    void createSucceeded(const CreatePortfolioResult &result);
    void createFailed(const ApiError &error);
    void checkNow();
    void checkFinished(CreateFlow::CheckResult checkResult);
    void showOutcomeUnknown(const ApiError &error);
    // Asks before a token value that could not be saved is dropped; true to go on.
    bool mayDropUnplacedTokens();
    // False if the user chose to stay (a token value would be lost).
    bool showCreatePage();
    // "Create another" and File > New: the create page, its focus on the first field.
    void startNewPortfolio();
    void addToken(const QString &portfolioId);

    bool isRealMoney() const;
    QString lossWarning() const;

    Session *m_session;
    CreateFlow *m_flow;
    ClipboardGuard *m_clipboard;
    QFrame *m_banner = nullptr;
    QLabel *m_bannerTitle = nullptr;
    QLabel *m_bannerText = nullptr;
    QComboBox *m_profileBox = nullptr;
    NoticePanel *m_notice = nullptr;
    NoticePanel *m_recoveryNotice = nullptr;
    NoticePanel *m_statusNotice = nullptr; // see otherNotice()
    QTabWidget *m_tabs = nullptr;
    QStackedWidget *m_pages = nullptr;
    TokenManager *m_tokenManager = nullptr;
    QWidget *m_tokensTab = nullptr; // holds m_tokensPage once it is built
    TokensPage *m_tokensPage = nullptr;
    CreatePortfolioPage *m_createPage = nullptr;
    ResultPanel *m_resultPanel = nullptr;
    QLabel *m_clipboardStatus = nullptr;
    QPointer<QMessageBox> m_confirmation;
    QPointer<AddTokenDialog> m_addTokenDialog;
    QAction *m_unlockAction = nullptr;
};

} // namespace agentfolio
