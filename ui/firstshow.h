#pragma once

// Header-only on purpose: the start-up benchmark's minimal Qt program
// (tests/bench/startup/minimal_window.cpp) uses exactly the same "first shown" moment as
// the app without linking any of the app's code.

#include <QByteArray>
#include <QEvent>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QWidget>
#include <QWindow>
#include <functional>
#include <utility>

namespace agentfolio {

// Set to 1, the app (and the benchmark's minimal program) quits as soon as its window has
// first been shown: the start-up benchmark measures launch-to-window that way. Read once,
// at start; unset (as for every user) it changes nothing.
inline bool quitAfterFirstShowRequested()
{
    return qEnvironmentVariableIntValue("AGENTFOLIO_QUIT_AFTER_FIRST_SHOW") == 1;
}

namespace detail {

// Watches `widget` until its native window is first exposed, then calls the callback from
// the event loop, i.e. after the expose has been handled: QWidgetWindow paints the widgets
// and flushes the backing store to the screen while handling that very event.
class FirstExposeWatcher : public QObject
{
public:
    FirstExposeWatcher(QWidget *widget, std::function<void()> callback)
        : QObject(widget)
        , m_widget(widget)
        , m_callback(std::move(callback))
    {
        // Shown already (late caller): its window may be exposed already too.
        if (widget->isVisible() && widget->windowHandle())
            watchWindow();
        else
            widget->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        // The native window exists from the first show on.
        if (watched == m_widget && event->type() == QEvent::Show && m_widget->windowHandle()) {
            m_widget->removeEventFilter(this);
            watchWindow();
        } else if (watched == m_window && event->type() == QEvent::Expose
                   && m_window->isExposed()) {
            finish();
        }
        return QObject::eventFilter(watched, event);
    }

private:
    void watchWindow()
    {
        m_window = m_widget->windowHandle();
        if (m_window->isExposed())
            finish();
        else
            m_window->installEventFilter(this);
    }

    void finish()
    {
        if (m_done)
            return;
        m_done = true;
        if (m_window)
            m_window->removeEventFilter(this);
        QTimer::singleShot(0, this, [this] {
            const std::function<void()> callback = std::move(m_callback);
            deleteLater();
            callback();
        });
    }

    QWidget *m_widget;
    QPointer<QWindow> m_window;
    std::function<void()> m_callback;
    bool m_done = false;
};

} // namespace detail

// Calls `callback` once, from the event loop, right after `window` (a top-level widget) has
// first been exposed and painted; never if the window goes away before that.
inline void afterFirstShow(QWidget *window, std::function<void()> callback)
{
    new detail::FirstExposeWatcher(window, std::move(callback));
}

} // namespace agentfolio
