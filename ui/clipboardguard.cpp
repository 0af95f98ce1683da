#include "clipboardguard.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QGuiApplication>
#include <QMimeData>

Q_LOGGING_CATEGORY(lcClipboard, "agentfolio.ui.clipboard")

namespace agentfolio {

namespace {

// The hints, per platform. Each is a convention the clipboard managers of that platform
// look for; none of them is a guarantee, which is why the countdown exists.
QMimeData *secretMimeData(const QString &text)
{
    auto *mime = new QMimeData;
    mime->setText(text);
    // Klipper (KDE) and wl-clip-persist skip content carrying this hint. It is inert
    // elsewhere, so it is set everywhere (and the tests can see it on any platform).
    mime->setData(QStringLiteral("x-kde-passwordManagerHint"), QByteArrayLiteral("secret"));
#if defined(Q_OS_MACOS)
    // nspasteboard.org's "concealed" type: pasteboard managers neither show nor keep it.
    mime->setData(QStringLiteral("application/x-nspasteboard-concealed-type"), text.toUtf8());
#elif defined(Q_OS_WIN)
    // Keeps the copy out of clipboard monitors, Clipboard History (Win+V) and the cloud
    // clipboard. The value of each format is a DWORD 0. The prefix tells Qt to register
    // the name as a native clipboard format.
    const QByteArray dwordZero(4, '\0');
    mime->setData(QStringLiteral("application/x-qt-windows-mime;value="
                                 "\"ExcludeClipboardContentFromMonitorProcessing\""),
                  dwordZero);
    mime->setData(
        QStringLiteral("application/x-qt-windows-mime;value=\"CanIncludeInClipboardHistory\""),
        dwordZero);
    mime->setData(
        QStringLiteral("application/x-qt-windows-mime;value=\"CanUploadToCloudClipboard\""),
        dwordZero);
#endif
    return mime;
}

} // namespace

ClipboardGuard::ClipboardGuard(QObject *parent)
    : QObject(parent)
{
    m_ticker.setInterval(std::chrono::seconds(1));
    connect(&m_ticker, &QTimer::timeout, this, &ClipboardGuard::tick);
    // On X11 a quitting app hands its clipboard to the clipboard manager, which would keep
    // the secret for good: clear it before that.
    if (auto *app = QCoreApplication::instance())
        connect(app, &QCoreApplication::aboutToQuit, this, &ClipboardGuard::clearIfOurs);
}

ClipboardGuard::~ClipboardGuard()
{
    clearIfOurs();
}

QClipboard *ClipboardGuard::clipboard()
{
    // Null without a QGuiApplication (or after it is gone): then there is nothing to do.
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return nullptr;
    return QGuiApplication::clipboard();
}

QByteArray ClipboardGuard::digest(const QString &text)
{
    return QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256);
}

void ClipboardGuard::copySecret(const Secret &secret)
{
    QClipboard *board = clipboard();
    if (!board) {
        qCWarning(lcClipboard) << "no clipboard: nothing copied";
        return;
    }
    // A secret copied earlier and still on the selection must not outlive this copy, and its
    // countdown ends with it, also when this copy has none (clearing turned off since).
    clearNow();

    // The value leaves the Secret here, for the clipboard only, and is never logged.
    const QString &text = secret.reveal();
    board->setMimeData(secretMimeData(text), QClipboard::Clipboard);
    // The X11 selection (middle-click paste) gets its own copy: each mode owns its data.
    if (board->supportsSelection())
        board->setMimeData(secretMimeData(text), QClipboard::Selection);

    const qint64 delay = m_clearDelay.count();
    if (delay > 0) {
        m_digest = digest(text);
        m_secondsLeft = int(delay);
        m_ticker.start();
        qCInfo(lcClipboard) << "copied a secret; it is cleared in" << delay << "s";
    } else {
        m_digest.clear();
        qCInfo(lcClipboard) << "copied a secret; clearing is turned off";
    }
    Q_EMIT copied();
    if (m_secondsLeft > 0)
        Q_EMIT countdownChanged(m_secondsLeft);
}

void ClipboardGuard::copyText(const QString &text)
{
    QClipboard *board = clipboard();
    if (!board) {
        qCWarning(lcClipboard) << "no clipboard: nothing copied";
        return;
    }
    if (isGuarding())
        clearNow();
    board->setText(text, QClipboard::Clipboard);
    qCDebug(lcClipboard) << "copied plain text";
    Q_EMIT copied();
}

void ClipboardGuard::setClearDelay(std::chrono::seconds delay)
{
    m_clearDelay = std::max(delay, std::chrono::seconds(0));
}

void ClipboardGuard::clearNow()
{
    if (!isGuarding() && m_secondsLeft == 0)
        return;
    clearIfOurs();
    finish();
}

void ClipboardGuard::tick()
{
    if (m_secondsLeft > 0)
        --m_secondsLeft;
    if (m_secondsLeft > 0) {
        Q_EMIT countdownChanged(m_secondsLeft);
        return;
    }
    clearIfOurs();
    finish();
}

void ClipboardGuard::finish()
{
    m_ticker.stop();
    m_secondsLeft = 0;
    m_digest.clear();
    Q_EMIT countdownChanged(0);
    Q_EMIT cleared();
}

bool ClipboardGuard::holdsOurs(QClipboard *board, QClipboard::Mode mode) const
{
    // Compared by content, like KeePassXC: the clipboard's QMimeData pointer could be
    // reused by a newer copy, and ownsClipboard() is meaningful on X11 only.
    const QString text = board->text(mode);
    return !text.isEmpty() && digest(text) == m_digest;
}

void ClipboardGuard::clearIfOurs()
{
    if (m_digest.isEmpty())
        return;
    if (QClipboard *board = clipboard()) {
        bool clearedAny = false;
        if (holdsOurs(board, QClipboard::Clipboard)) {
            board->clear(QClipboard::Clipboard);
            clearedAny = true;
        }
        if (board->supportsSelection() && holdsOurs(board, QClipboard::Selection)) {
            board->clear(QClipboard::Selection);
            clearedAny = true;
        }
        qCInfo(lcClipboard) << (clearedAny ? "cleared the secret from the clipboard"
                                           : "the clipboard holds newer content: left alone");
    }
    m_digest.clear();
}

} // namespace agentfolio
