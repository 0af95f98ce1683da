#pragma once

#include <QProxyStyle>

namespace agentfolio {

// The application's style, unchanged, except that the extension ("more items") icons of
// menu bars and tool bars are loaded only when first drawn, which is almost never: the
// button that shows one appears only when the bar is too narrow for its items.
//
// Why: QMenuBar asks for that icon as it is built, and the first icon loaded from an
// image file makes Qt load every image-format plugin (GIF, ICO, JPEG and libjpeg) to ask
// which of them reads PNG: about 2 ms of the start-up, before the main window can show.
// Every other icon is left to the base style as it is.
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
