#include "wrappinglabel.h"

#include <QMovie>
#include <QPicture>

namespace agentfolio {

WrappingLabel::WrappingLabel(const QString &text, QWidget *parent)
    : QLabel(text, parent)
{
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
}

WrappingLabel::Key WrappingLabel::key() const
{
    return Key { text(),
                 font(),
                 logicalDpiY(),
                 contentsMargins(),
                 frameWidth(),
                 margin(),
                 indent(),
                 minimumSize(),
                 alignment(),
                 textFormat(),
                 textInteractionFlags(),
                 wordWrap(),
                 buddy() != nullptr,
                 pixmap().isNull() && picture().isNull() && movie() == nullptr };
}

int WrappingLabel::heightForWidth(int width) const
{
    if (width <= 0)
        return QLabel::heightForWidth(width);
    Key now = key();
    if (!(now == m_key)) {
        m_key = std::move(now);
        m_heights.fill({ 0, 0 });
    }
    for (const auto &[knownWidth, height] : m_heights) {
        if (knownWidth == width)
            return height;
    }
    const int height = QLabel::heightForWidth(width);
    m_heights[m_next] = { width, height };
    m_next = (m_next + 1) % m_heights.size();
    return height;
}

} // namespace agentfolio
