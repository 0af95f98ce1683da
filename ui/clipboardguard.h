#pragma once

#include "domain/secret.h"

#include <QByteArray>
#include <QClipboard>
#include <QLoggingCategory>
#include <QObject>
#include <QString>
#include <QTimer>
#include <chrono>

Q_DECLARE_LOGGING_CATEGORY(lcClipboard)

namespace agentfolio {

// Puts text on the system clipboard. A secret goes with the hints clipboard managers
// honour (KDE/Klipper and wl-clip-persist, macOS pasteboard managers, Windows Clipboard
// History and cloud clipboard) and is cleared after a countdown, and when the app quits,
// but only while the clipboard still holds what this guard put there: newer content the
// user copied is never touched. Modelled on KeePassXC's Clipboard.
//
// One guard per window is enough: a new copy replaces (and restarts) the previous one.
class ClipboardGuard : public QObject
{
    Q_OBJECT
public:
    static constexpr std::chrono::seconds DefaultClearDelay { 30 };

    explicit ClipboardGuard(QObject *parent = nullptr);
    ~ClipboardGuard() override;

    // Copies `secret` with the password-manager hints and starts the countdown.
    void copySecret(const Secret &secret);
    // Copies a non-secret (an id): plain text, no hints, no countdown. A secret copied
    // before is cleared first, so that it does not linger in the X11 selection.
    void copyText(const QString &text);

    // Applies to the next copySecret(). 0 = never clear (neither after a delay nor on quit).
    void setClearDelay(std::chrono::seconds delay);
    std::chrono::seconds clearDelay() const { return m_clearDelay; }

    // Seconds until the secret copied last is cleared; 0 when no countdown runs.
    int secondsLeft() const { return m_secondsLeft; }
    // A secret copied by this guard may still be on the clipboard and will be cleared.
    bool isGuarding() const { return !m_digest.isEmpty(); }

    // Clears the secret copied last now (if the clipboard still holds it) and ends the
    // countdown.
    void clearNow();

Q_SIGNALS:
    // Once when a countdown starts, then every second; 0 when it ends (for any reason).
    void countdownChanged(int secondsLeft);
    // The guard's watch over the secret copied last is over: it was removed from the
    // clipboard, or the clipboard had newer content, which was left alone.
    void cleared();
    // Something was put on the clipboard by this guard (a secret or plain text).
    void copied();

private:
    void tick();
    void finish();
    // Removes our secret from each clipboard mode that still holds it. No signals: it
    // also runs from the destructor.
    void clearIfOurs();
    bool holdsOurs(QClipboard *clipboard, QClipboard::Mode mode) const;
    static QClipboard *clipboard();
    static QByteArray digest(const QString &text);

    std::chrono::seconds m_clearDelay = DefaultClearDelay;
    // A digest of the secret copied last, not the secret: enough to recognise it on the
    // clipboard, useless to anyone reading this process's memory. Empty when not guarding.
    QByteArray m_digest;
    int m_secondsLeft = 0;
    QTimer m_ticker;
};

} // namespace agentfolio
