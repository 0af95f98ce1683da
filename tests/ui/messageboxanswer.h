// Answers the modal message box that a test's next action opens. The action blocks in the
// box's exec(), so the answer must come from a timer; this one polls until a box with a button
// of the wanted role is up, instead of looking once after a fixed delay (a box that came later
// was never answered, and the test hung until ctest killed it). If no such box comes within
// the timeout, it rejects whatever modal dialog is up and warns, so that the test fails on its
// own checks rather than hanging. It answers at most one box, and nothing once destroyed.
#pragma once

#include <QAbstractButton>
#include <QApplication>
#include <QDialog>
#include <QElapsedTimer>
#include <QMessageBox>
#include <QTimer>
#include <chrono>

class MessageBoxAnswer
{
public:
    // `text`, if given, receives the answered box's text (and is cleared now); it must outlive
    // this object, as a variable declared before it does.
    explicit MessageBoxAnswer(QMessageBox::ButtonRole role, QString *text = nullptr,
                              std::chrono::milliseconds timeout = std::chrono::seconds(10))
        : m_role(role)
        , m_text(text)
        , m_timeout(timeout)
    {
        if (m_text)
            m_text->clear();
        m_clock.start();
        m_timer.setInterval(10);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { poll(); });
        m_timer.start();
    }
    MessageBoxAnswer(const MessageBoxAnswer &) = delete;
    MessageBoxAnswer &operator=(const MessageBoxAnswer &) = delete;

    bool answered() const { return m_answered; }

private:
    void poll()
    {
        QWidget *modal = QApplication::activeModalWidget();
        if (auto *box = qobject_cast<QMessageBox *>(modal)) {
            const QList<QAbstractButton *> buttons = box->buttons();
            for (QAbstractButton *button : buttons) {
                if (box->buttonRole(button) == m_role) {
                    m_timer.stop();
                    m_answered = true;
                    if (m_text)
                        *m_text = box->text();
                    button->click();
                    return;
                }
            }
        }
        if (m_clock.elapsed() < m_timeout.count())
            return;
        m_timer.stop();
        qWarning("MessageBoxAnswer: no message box with a button of role %d came within %lld ms",
                 int(m_role), static_cast<long long>(m_timeout.count()));
        if (auto *dialog = qobject_cast<QDialog *>(modal))
            dialog->reject();
    }

    QMessageBox::ButtonRole m_role;
    QString *m_text;
    std::chrono::milliseconds m_timeout;
    QTimer m_timer;
    QElapsedTimer m_clock;
    bool m_answered = false;
};
