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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_code_is_drawn_in_half_blocks_or_ascii() {
        let url = "http://192.168.1.20:8421/?code=K7P3QX";
        let blocks = terminal(url, false).expect("fits a code");
        assert!(blocks.contains('█') && blocks.contains('▀'));
        let lines: Vec<&str> = blocks.lines().collect();
        let width = lines[0].chars().count();
        assert!(lines.iter().all(|l| l.chars().count() == width), "square");
        assert!(lines.len() * 2 >= width && lines.len() * 2 <= width + 1, "two rows a line");
        let ascii = terminal(url, true).expect("fits a code");
        assert!(ascii.is_ascii() && ascii.contains('#'));
        let image = svg(url).expect("fits a code");
        assert!(image.starts_with("<?xml") && image.contains("<svg"), "{image:.80}");
    }
}
