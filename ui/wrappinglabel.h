#pragma once

#include <QLabel>
#include <array>

namespace agentfolio {

// A label of plain, word-wrapped text that remembers the heights it has given for the last
// few widths. QLabel lays its whole text out again (shaping included) for every
// heightForWidth() call, and a window's layouts ask the same few widths over and over while
// it is first shown: with the form's and the banner's sentences, a sixth of the work before
// the first paint. Everything QLabel's answer depends on is compared at every call, so a
// change is never answered from the past. It starts as plain text: messages can quote what
// the user or the server typed, never to be read as markup.
class WrappingLabel : public QLabel
{
    Q_OBJECT
public:
    explicit WrappingLabel(const QString &text = {}, QWidget *parent = nullptr);

    int heightForWidth(int width) const override;

private:
    // What QLabel::heightForWidth() reads besides the width.
    struct Key
    {
        QString text;
        QFont font;
        int dpi = 0; // QFont's == ignores the screen's resolution
        QMargins contents;
        int frame = 0;
        int margin = 0;
        int indent = 0;
        QSize minimum;
        Qt::Alignment alignment;
        Qt::TextFormat format = Qt::PlainText;
        Qt::TextInteractionFlags interaction;
        bool wordWrap = true;
        bool hasBuddy = false;
        bool showsText = true; // no pixmap, picture or movie
        bool operator==(const Key &) const = default;
    };
    Key key() const;

    mutable Key m_key;
    mutable std::array<std::pair<int, int>, 4> m_heights {}; // width -> height; width 0 is unused
    mutable std::size_t m_next = 0;
};

} // namespace agentfolio
