//! The join address as a QR code: in the terminal with half blocks (two rows of modules per
//! line, so it stays square and small), in ASCII under `--ascii`, and as SVG for the projected
//! page.

use qrcode::render::{svg, unicode};
use qrcode::{EcLevel, QrCode};

/// A code for `text`, at medium error correction (readable from a projected screen).
fn code(text: &str) -> Option<QrCode> {
    QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()
}

/// The code as terminal lines. Dark modules are drawn as spaces on a light quiet zone's
/// inverse: most terminals are dark, and a scanner needs dark modules on a light ground, so
/// the light modules are the ones drawn in full blocks.
pub fn terminal(text: &str, ascii: bool) -> Option<String> {
    let code = code(text)?;
    let drawing = if ascii {
        code.render::<char>()
            .quiet_zone(true)
            .module_dimensions(2, 1)
            .dark_color(' ')
            .light_color('#')
            .build()
    } else {
        code.render::<unicode::Dense1x2>()
            .quiet_zone(true)
            .dark_color(unicode::Dense1x2::Light)
            .light_color(unicode::Dense1x2::Dark)
            .build()
    };
    Some(drawing)
}

/// The code as an SVG element, dark on light.
pub fn svg(text: &str) -> Option<String> {
    let code = code(text)?;
    Some(
        code.render::<svg::Color<'_>>()
            .quiet_zone(true)
            .min_dimensions(200, 200)
            .dark_color(svg::Color("#000000"))
            .light_color(svg::Color("#ffffff"))
            .build(),
    )
}

/// The glyphs of the join code's characters, five rows each (`#` drawn, `.` blank).
const GLYPHS: &[(char, [&str; 5])] = &[
    ('3', ["###.", "...#", ".##.", "...#", "###."]),
    ('4', ["#..#", "#..#", "####", "...#", "...#"]),
    ('6', [".##.", "#...", "###.", "#..#", ".##."]),
    ('7', ["####", "...#", "..#.", ".#..", ".#.."]),
    ('9', [".##.", "#..#", ".###", "...#", ".##."]),
    ('A', [".##.", "#..#", "####", "#..#", "#..#"]),
    ('C', [".###", "#...", "#...", "#...", ".###"]),
    ('D', ["###.", "#..#", "#..#", "#..#", "###."]),
    ('E', ["####", "#...", "###.", "#...", "####"]),
    ('F', ["####", "#...", "###.", "#...", "#..."]),
    ('G', [".###", "#...", "#.##", "#..#", ".###"]),
    ('H', ["#..#", "#..#", "####", "#..#", "#..#"]),
    ('J', ["...#", "...#", "...#", "#..#", ".##."]),
    ('K', ["#..#", "#.#.", "##..", "#.#.", "#..#"]),
    ('M', ["#...#", "##.##", "#.#.#", "#...#", "#...#"]),
    ('N', ["#..#", "##.#", "#.##", "#..#", "#..#"]),
    ('P', ["###.", "#..#", "###.", "#...", "#..."]),
    ('Q', [".##.", "#..#", "#..#", "#.#.", ".#.#"]),
    ('R', ["###.", "#..#", "###.", "#.#.", "#..#"]),
    ('T', ["#####", "..#..", "..#..", "..#..", "..#.."]),
    ('U', ["#..#", "#..#", "#..#", "#..#", ".##."]),
    ('V', ["#...#", "#...#", "#...#", ".#.#.", "..#.."]),
    ('W', ["#...#", "#...#", "#.#.#", "##.##", "#...#"]),
    ('X', ["#...#", ".#.#.", "..#..", ".#.#.", "#...#"]),
    ('Y', ["#...#", ".#.#.", "..#..", "..#..", "..#.."]),
];

/// The join code in large letters, five lines high, to read from the back of the room.
/// Characters without a glyph are written as they are.
pub fn big_code(code: &str, ascii: bool) -> String {
    let mark = if ascii { "#" } else { "█" };
    let mut lines = vec![String::new(); 5];
    for c in code.chars() {
        let glyph = GLYPHS.iter().find(|(g, _)| *g == c).map(|(_, rows)| rows);
        for (row, line) in lines.iter_mut().enumerate() {
            match glyph {
                Some(rows) => line.push_str(&rows[row].replace('#', mark).replace('.', " ")),
                None if row == 2 => line.push(c),
                None => line.push(' '),
            }
            line.push_str("  ");
        }
    }
    let mut out = String::new();
    for line in lines {
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_character_of_a_join_code_has_a_glyph() {
        for c in "34679ACDEFGHJKMNPQRTUVWXY".chars() {
            let big = big_code(&c.to_string(), true);
            assert_eq!(big.lines().count(), 5);
            assert!(big.contains('#'), "{c}");
        }
        let big = big_code("K7", false);
        assert!(
            big.lines()
                .next()
                .is_some_and(|l| l.starts_with("█  █  ████")),
            "{big}"
        );
    }

    #[test]
    fn the_code_is_drawn_in_half_blocks_or_ascii() {
        let url = "http://192.168.1.20:8421/?code=K7P3QX";
        let blocks = terminal(url, false).expect("fits a code");
        assert!(blocks.contains('█') && blocks.contains('▀'));
        let lines: Vec<&str> = blocks.lines().collect();
        let width = lines[0].chars().count();
        assert!(lines.iter().all(|l| l.chars().count() == width), "square");
        assert!(
            lines.len() * 2 >= width && lines.len() * 2 <= width + 1,
            "two rows a line"
        );
        let ascii = terminal(url, true).expect("fits a code");
        assert!(ascii.is_ascii() && ascii.contains('#'));
        let image = svg(url).expect("fits a code");
        assert!(
            image.starts_with("<?xml") && image.contains("<svg"),
            "{image:.80}"
        );
    }
}
