#pragma once

#include <QLabel>
#include <array>

namespace agentfolio {

// A label of plain, word-wrapped text that remembers the heights it has given for the last
// few widths. QLabel lays its whole text out again (shaping included) for every
// heightForWidth() call, and a window's layouts ask the same few widths over and over while
// it is first shown: with the form's and the banner's sentences, a sixth of the work before
// the first paint. What the answer depends on (text, font, margins, indent) is compared at
// every call, so a change is never answered from the past. It starts as plain text: messages
// can quote what the user or the server typed, never to be read as markup.
class WrappingLabel : public QLabel
{
    Q_OBJECT
public:
    explicit WrappingLabel(const QString &text = {}, QWidget *parent = nullptr);

    int heightForWidth(int width) const override;

private:
    struct Key
    {
        QString text;
        QFont font;
        QMargins contents;
        int margin = 0;
        int indent = 0;
        Qt::TextFormat format = Qt::PlainText;
        bool wordWrap = true;
        bool operator==(const Key &) const = default;
    };
    Key key() const;

    mutable Key m_key;
    mutable std::array<std::pair<int, int>, 4> m_heights {}; // width -> height; width 0 is unused
    mutable std::size_t m_next = 0;
};

} // namespace agentfolio
