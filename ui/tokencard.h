#pragma once

#include "domain/portfolio.h"

#include <QFrame>
#include <QPointer>
#include <QString>

class QLabel;
class QLineEdit;
class QPushButton;

namespace agentfolio {

class ClipboardGuard;

// One token of a create (or add-token) answer: what it allows, its value (masked until
// the user reveals it) and whether its secret is in the keychain yet. This is the only
// moment the value exists outside the keychain, so the card says so when saving failed.
class TokenCard : public QFrame
{
    Q_OBJECT
public:
    enum class State {
        Saving,
        Saved,
        Pending, // the keychain refused; Retry may still save it
        Unsaveable, // nothing can save it (no token id, or its token has another value):
                    // only the user keeps it
    };
    Q_ENUM(State)

    // `clipboard` is not owned; Copy is disabled without one.
    TokenCard(const CreatedToken &token, ClipboardGuard *clipboard, QWidget *parent = nullptr);

    QString tokenId() const { return m_token.id; }
    const UserToken &token() const { return m_token; }

    // `problem` (Pending and Unsaveable): why it is not saved, a complete sentence.
    void setStorageState(State state, const QString &problem = {});
    // Unsaveable: what the user should do and until when the value is shown. By default it is
    // the result page's ("… forgets it when you start another portfolio, switch account or
    // quit").
    void setUnsaveableAdvice(const QString &advice);
    State storageState() const { return m_state; }
    // Whether this card shows `secret` (compared here: the value never leaves the card).
    bool holds(const Secret &secret) const { return !secret.isEmpty() && m_secret == secret; }
    QString storageProblem() const { return m_problem; }

    bool isRevealed() const;
    void setRevealed(bool revealed);

Q_SIGNALS:
    // The user pressed Retry on a token that could not be saved.
    void retryRequested(const QString &tokenId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void build();
    void copy();
    void updateStorageUi();
    void updateStorageIcon();
    void countdownChanged(int secondsLeft);

    UserToken m_token;
    Secret m_secret;
    QPointer<ClipboardGuard> m_clipboard;
    State m_state = State::Saving;
    QString m_problem;
    QString m_unsaveableAdvice;
    bool m_copyingHere = false; // our Copy is on its way to the clipboard
    bool m_countdownHere = false; // the clipboard's countdown is about our copy

    QLineEdit *m_value = nullptr;
    QPushButton *m_reveal = nullptr;
    QPushButton *m_copy = nullptr;
    QLabel *m_clipboardStatus = nullptr;
    QLabel *m_storageIcon = nullptr;
    QLabel *m_storageText = nullptr;
    QPushButton *m_retry = nullptr;
};

} // namespace agentfolio
