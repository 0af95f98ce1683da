#pragma once

#include <QProxyStyle>

namespace agentfolio {

// The application's style, unchanged, except that the menu bar's extension ("more menus")
// icon is loaded only when first drawn, which is almost never: the button that shows it
// appears only when the window is too narrow for the menus.
//
// Why: QMenuBar asks for that icon as it is built, and the first icon loaded from an
// image file makes Qt load every image-format plugin (GIF, ICO, JPEG and libjpeg) to ask
// which of them reads PNG: about 2 ms of the start-up and 0.5 MB of peak memory, before
// the main window can show. Every other icon is left to the base style as it is.
//
// The proxy's own QStyle::name() is empty (Qt sets a style's name only through
// QStyleFactory); baseStyle()->name() is the wrapped style's.
class DeferredIconStyle : public QProxyStyle
{
    Q_OBJECT
public:
    // Wraps the style `key` names (QStyleFactory), as the application would have used it.
    explicit DeferredIconStyle(const QString &key);

    QIcon standardIcon(StandardPixmap standardIcon, const QStyleOption *option = nullptr,
                       const QWidget *widget = nullptr) const override;
};

} // namespace agentfolio
