#pragma once

#include <QFrame>
#include <QUuid>

class QLabel;
class QLineEdit;
class QPushButton;

namespace agentfolio {

class ClipboardGuard;
struct ApiError;

// A message above the form: what went wrong (or what is going on), the request id
// to quote to support with a Copy button, and at most one action ("Check now").
class NoticePanel : public QFrame
{
    Q_OBJECT
public:
    enum class Tone { Information, Warning, Error };

    explicit NoticePanel(ClipboardGuard *clipboard, QWidget *parent = nullptr);

    void showMessage(Tone tone, const QString &text, const QUuid &requestId = {});
    void showError(const ApiError &error);
    // One action button; empty text hides it.
    void setAction(const QString &text);
    void setActionEnabled(bool enabled);
    // A notice the user must act on (an unknown outcome) cannot be dismissed.
    void setDismissible(bool dismissible);
    void dismiss();

    QString text() const;
    QString requestIdText() const;

signals:
    void actionTriggered();

private:
    ClipboardGuard *m_clipboard;
    QLabel *m_icon;
    QLabel *m_text;
    QLabel *m_requestIdLabel = nullptr;
    QLineEdit *m_requestId;
    QPushButton *m_copyRequestId;
    QPushButton *m_action;
    QPushButton *m_close;
};

} // namespace agentfolio
