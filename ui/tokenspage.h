#pragma once

#include <QDateTime>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QWidget>
#include <chrono>
#include <functional>
#include <optional>

class QItemSelection;
class QLabel;
class QLineEdit;
class QMessageBox;
class QModelIndex;
class QPushButton;
class QStackedWidget;
class QTreeView;

namespace agentfolio {

class AddTokenDialog;
class ClipboardGuard;
class DeletePortfolioDialog;
class EditTokenDialog;
class NoticePanel;
class PasteTokenDialog;
class PortfolioFilterModel;
class PortfolioTreeModel;
class Secret;
class Session;
class TokenManager;
struct IndexedPortfolio;
struct IndexedToken;
struct TokenActionOutcome;

// The token manager: the active profile's portfolios and their tokens (a filterable tree),
// the selected item's details, and the actions on it. The page shows the index and forwards
// the user's intent to the TokenManager; it reads a secret only when the user asks (Copy,
// Reveal, Copy as environment line), and the secret goes only to the clipboard guard or the
// Reveal field, never to a label, tooltip, accessible text or log.
//
// One action at a time: while the manager is busy every action is disabled.
class TokensPage : public QWidget
{
    Q_OBJECT
public:
    static constexpr std::chrono::milliseconds DefaultRevealDuration { 20'000 };

    // None is owned; all must outlive the page.
    TokensPage(Session *session, TokenManager *manager, ClipboardGuard *clipboard,
               QWidget *parent = nullptr);
    ~TokensPage() override;

    // Re-reads the active profile (the model follows the index on its own).
    void reload();

    // Shows and selects an item (clearing the filter if it hides it). False if unknown.
    bool selectPortfolio(const QString &portfolioId);
    bool selectToken(const QString &portfolioId, const QString &tokenId);
    // The selected item's ids; tokenId is empty when a portfolio is selected.
    QString selectedPortfolioId() const { return m_portfolioId; }
    QString selectedTokenId() const { return m_tokenId; }

    // The secret shown in the Reveal field disappears after this long.
    void setRevealDuration(std::chrono::milliseconds duration);
    bool isRevealed() const;
    // For tests: "now" for the expiry badges, here and in the model.
    void setNow(std::function<QDateTime()> clock);

    // For tests and the main window.
    QLineEdit *filterEdit() const { return m_filter; }
    QTreeView *treeView() const { return m_tree; }
    PortfolioTreeModel *treeModel() const { return m_model; }
    PortfolioFilterModel *filterModel() const { return m_proxy; }
    NoticePanel *notice() const { return m_notice; }
    // The open confirmation or dialog, if any (tests press its buttons).
    QMessageBox *confirmation() const;
    AddTokenDialog *addTokenDialog() const;
    EditTokenDialog *editTokenDialog() const;
    PasteTokenDialog *pasteTokenDialog() const;
    DeletePortfolioDialog *deletePortfolioDialog() const;

public slots:
    // The actions, as the buttons and shortcuts trigger them (on the selected item).
    void copySecret();
    void toggleReveal();
    void copyEnvironmentLine();
    void editToken();
    void revokeToken();
    void forgetToken();
    void pasteSecret();
    void addToken();
    void deletePortfolio();
    void refresh();

signals:
    // Not emitted: the page adds tokens itself with AddTokenDialog. Kept so that a window
    // may route "add a token" elsewhere in the future.
    void addTokenRequested(const QString &portfolioId);
    // Every outcome, for the main window's status bar.
    void statusMessage(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void buildUi();
    QWidget *buildPortfolioPane();
    QWidget *buildTokenPane();
    QPushButton *makeButton(const QString &objectName, const QString &text,
                            const QString &accessibleName, const QString &toolTip);

    void currentChanged(const QModelIndex &current);
    void select(const QModelIndex &sourceIndex);
    void scheduleSync();
    // The tree marks the tokens whose secret the hand-off holds only in memory, the keychain
    // having refused it.
    void markHeldTokens();
    void sync();
    void expandInserted(const QModelIndex &parent, int first, int last);
    void updateDetails();
    void showPortfolio(const IndexedPortfolio &portfolio);
    void showToken(const IndexedPortfolio &portfolio, const IndexedToken &indexed);
    void updateActions();
    void hideSecret();

    // Reads the selected token's secret (on the user's request), then calls `use` with it,
    // unless the selection changed meanwhile.
    void withSecret(std::function<void(const Secret &secret, const QString &tokenName)> use);
    void showOutcome(const TokenActionOutcome &outcome);
    // The notice says `text`; the status bar says `status` where given: a short form of it, for
    // beside the clipboard's countdown, which says the rest.
    void showInfo(const QString &text, const QString &status = {});
    // A confirmation with `confirmText` on its destructive button (returned in *confirmButton)
    // and Cancel as the default.
    QMessageBox *confirm(const QString &title, const QString &text, const QString &informative,
                         const QString &confirmText, QPushButton **confirmButton);
    std::optional<IndexedPortfolio> selectedPortfolio() const;
    std::optional<IndexedToken> selectedToken() const;
    QString profileId() const;
    QDateTime now() const;
    bool actionsAllowed() const;

    Session *m_session;
    TokenManager *m_manager;
    ClipboardGuard *m_clipboard;
    PortfolioTreeModel *m_model = nullptr;
    PortfolioFilterModel *m_proxy = nullptr;
    std::function<QDateTime()> m_clock;
    QString m_profileId; // the profile the model shows

    // The selection, by id: it survives model resets and filter changes.
    QString m_portfolioId;
    QString m_tokenId;
    // A token to select once it appears (a token just added reaches the index later).
    QString m_pendingPortfolioId;
    QString m_pendingTokenId;
    bool m_resetting = false;
    bool m_reading = false; // a secret read is under way
    QTimer m_syncTimer;
    QTimer m_revealTimer;

    QPointer<QMessageBox> m_confirmation;
    QPointer<AddTokenDialog> m_addDialog;
    QPointer<EditTokenDialog> m_editDialog;
    QPointer<PasteTokenDialog> m_pasteDialog;
    QPointer<DeletePortfolioDialog> m_deleteDialog;

    QLineEdit *m_filter = nullptr;
    QTreeView *m_tree = nullptr;
    QPushButton *m_refresh = nullptr;
    NoticePanel *m_notice = nullptr;
    QString m_copiedNotice; // the notice of the secret copied last, while the guard watches it
    QStackedWidget *m_details = nullptr;
    QLabel *m_emptyText = nullptr;

    // Portfolio details.
    QLabel *m_pName = nullptr;
    QLabel *m_pState = nullptr;
    QLabel *m_pId = nullptr;
    QLabel *m_pGcid = nullptr;
    QLabel *m_pMirrorId = nullptr;
    QLabel *m_pBalance = nullptr;
    QLabel *m_pInvestment = nullptr;
    QLabel *m_pCreated = nullptr;
    QLabel *m_pDescription = nullptr;
    QLabel *m_pTokens = nullptr;
    QPushButton *m_addToken = nullptr;
    QPushButton *m_deletePortfolio = nullptr;

    // Token details.
    QLabel *m_tName = nullptr;
    QLabel *m_tState = nullptr;
    QLabel *m_tPortfolio = nullptr;
    QLabel *m_tId = nullptr;
    QLabel *m_tClientId = nullptr;
    QLabel *m_tScopes = nullptr;
    QLabel *m_tIps = nullptr;
    QLabel *m_tExpiryBadge = nullptr;
    QLabel *m_tExpiry = nullptr;
    QLabel *m_tCreated = nullptr;
    QLabel *m_tSecret = nullptr;
    QLineEdit *m_value = nullptr;
    QPushButton *m_copy = nullptr;
    QPushButton *m_reveal = nullptr;
    QPushButton *m_copyEnv = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_revoke = nullptr;
    QPushButton *m_forget = nullptr;
    QPushButton *m_paste = nullptr;
    QPushButton *m_retryStore = nullptr;
};

} // namespace agentfolio
