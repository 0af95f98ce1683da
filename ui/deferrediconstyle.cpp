#include "deferrediconstyle.h"

#include <QIconEngine>
#include <QPainter>
#include <QPointer>
#include <optional>

namespace agentfolio {

namespace {

// Asks `style` for its icon the first time the icon is drawn or measured, then passes
// everything on to that icon. An engine works in device pixels: the inner icon is asked at
// a device pixel ratio of 1, so that it does not scale a second time on high-DPI screens.
class DeferredStandardIconEngine : public QIconEngine
{
public:
    DeferredStandardIconEngine(const QStyle *style, QStyle::StandardPixmap which)
        : m_style(style)
        , m_which(which)
    { }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        icon().paint(painter, rect, Qt::AlignCenter, mode, state);
    }
    // QIconEngine::scaledPixmap() comes here with the size already in device pixels.
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return icon().pixmap(size, 1.0, mode, state);
    }
    QSize actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return pixmap(size, mode, state).size();
    }
    QList<QSize> availableSizes(QIcon::Mode mode, QIcon::State state) override
    {
        return icon().availableSizes(mode, state);
    }
    bool isNull() override { return icon().isNull(); }
    QString key() const override { return QStringLiteral("agentfolio.deferredstandardicon"); }
    QIconEngine *clone() const override
    {
        auto *copy = new DeferredStandardIconEngine(m_style, m_which);
        copy->m_icon = m_icon;
        return copy;
    }

private:
    QIcon icon()
    {
        if (!m_icon && m_style)
            m_icon = m_style->standardIcon(m_which);
        return m_icon.value_or(QIcon());
    }

    QPointer<const QStyle> m_style;
    QStyle::StandardPixmap m_which;
    std::optional<QIcon> m_icon;
};

} // namespace

DeferredIconStyle::DeferredIconStyle(const QString &key)
    : QProxyStyle(key)
{ }

QIcon DeferredIconStyle::standardIcon(StandardPixmap standardIcon, const QStyleOption *option,
                                      const QWidget *widget) const
{
    // Only as QMenuBar asks, without an option (QToolBar passes one). The widget is not
    // kept (it may be gone by the time the icon is drawn): Qt's styles choose this icon by
    // the option's layout direction alone, or the application's when there is no option.
    if (!option && standardIcon == SP_ToolBarHorizontalExtensionButton)
        return QIcon(new DeferredStandardIconEngine(baseStyle(), standardIcon));
    return QProxyStyle::standardIcon(standardIcon, option, widget);
}

} // namespace agentfolio
