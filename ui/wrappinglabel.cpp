#include "wrappinglabel.h"

namespace agentfolio {

WrappingLabel::WrappingLabel(const QString &text, QWidget *parent)
    : QLabel(text, parent)
{
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
}

WrappingLabel::Key WrappingLabel::key() const
{
    return Key { text(), font(), contentsMargins(), margin(), indent(), textFormat(), wordWrap() };
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
