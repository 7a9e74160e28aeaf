"""Chương trình học mẫu (tiếng Việt) cho hệ thống đào tạo giảng viên nguồn (ToT)
về khởi nghiệp đổi mới sáng tạo.

Mô-đun này chỉ chứa dữ liệu. Biến ``CURRICULUM`` là danh sách các khóa học; mỗi khóa
học gồm các mô-đun, mỗi mô-đun gồm các bài học (kèm hướng dẫn cho giảng viên) và một
bài kiểm tra. Các tình huống (case study) đều là tình huống mô phỏng, được đặt tên mô tả
và không nhằm chỉ một tổ chức, doanh nghiệp có thật nào.

Lưu ý nội dung: các văn bản pháp lý được dẫn chiếu theo hiệu lực tại thời điểm biên soạn.
Giảng viên cần kiểm tra văn bản mới nhất trước khi giảng, nhất là sau khi sắp xếp đơn vị
hành chính và tổ chức chính quyền địa phương hai cấp từ ngày 01/7/2025.
"""

from __future__ import annotations

# ---------------------------------------------------------------------------
# KHÓA 1 — CHƯƠNG TRÌNH ĐÀO TẠO GIẢNG VIÊN NGUỒN (ToT)
# Mô-đun 1: Hệ sinh thái khởi nghiệp đổi mới sáng tạo
# ---------------------------------------------------------------------------

_TOT_M1 = {
    "slug": "he-sinh-thai-khoi-nghiep",
    "title": "Hệ sinh thái khởi nghiệp đổi mới sáng tạo",
    "intro": (
        "Mô-đun mở đầu giúp học viên hiểu khởi nghiệp đổi mới sáng tạo khác gì với kinh "
        "doanh truyền thống, ai là các chủ thể trong hệ sinh thái, các đề án quốc gia "
        "(844, 939, 1665) hỗ trợ những gì, và địa phương — từ cấp thành phố đến từng xã, "
        "phường — đóng vai trò ra sao. Đây là nền tảng để giảng viên nguồn giới thiệu đúng "
        "chính sách và kết nối đúng đầu mối cho người học ở cơ sở."
    ),
    "lessons": [
        {
            "slug": "khoi-nghiep-doi-moi-sang-tao-la-gi",
            "title": "Khởi nghiệp đổi mới sáng tạo là gì?",
            "minutes": 60,
            "body": [
                ("heading", "Khởi nghiệp đổi mới sáng tạo và kinh doanh truyền thống"),
                (
                    "paragraph",
                    "<p>Mọi người mở cơ sở kinh doanh đều là người <b>khởi sự kinh doanh</b>, "
                    "nhưng không phải ai cũng là <b>khởi nghiệp đổi mới sáng tạo</b>. Luật Hỗ "
                    "trợ doanh nghiệp nhỏ và vừa năm 2017 mô tả doanh nghiệp nhỏ và vừa khởi "
                    "nghiệp sáng tạo là doanh nghiệp được thành lập để thực hiện ý tưởng trên "
                    "cơ sở khai thác <b>tài sản trí tuệ, công nghệ, mô hình kinh doanh mới</b> "
                    "và có <b>khả năng tăng trưởng nhanh</b>.</p>"
                    "<p>Ba dấu hiệu giúp nhận diện một dự án khởi nghiệp đổi mới sáng tạo:</p>"
                    "<ul>"
                    "<li><b>Có yếu tố mới</b>: sản phẩm, công nghệ, quy trình hoặc cách tiếp "
                    "cận khách hàng mới so với thị trường mà nó tham gia.</li>"
                    "<li><b>Có khả năng nhân rộng</b>: doanh thu có thể tăng nhanh hơn nhiều so "
                    "với chi phí và nhân lực (ví dụ bán qua nền tảng số, nhượng quyền, cấp "
                    "phép công nghệ).</li>"
                    "<li><b>Chấp nhận bất định</b>: mô hình kinh doanh chưa được chứng minh, "
                    "nhóm sáng lập phải thử nghiệm và học liên tục.</li>"
                    "</ul>",
                ),
                (
                    "paragraph",
                    "<p>So sánh nhanh:</p>"
                    "<ul>"
                    "<li><b>Quán cà phê, tiệm tạp hóa</b>: mô hình đã được chứng minh, rủi ro "
                    "chủ yếu nằm ở vị trí và vận hành; tăng trưởng theo số cửa hàng. Đây là "
                    "kinh doanh truyền thống — rất đáng khuyến khích nhưng cần loại hỗ trợ "
                    "khác (vốn vay, kỹ năng quản lý).</li>"
                    "<li><b>Nền tảng đặt dịch vụ du lịch cộng đồng</b> kết nối hàng trăm "
                    "homestay, nhà vườn: mô hình mới, có thể mở rộng sang nhiều địa phương mà "
                    "không cần tăng chi phí tương ứng — đây là khởi nghiệp đổi mới sáng "
                    "tạo.</li>"
                    "<li><b>Hộ sản xuất nước mắm truyền thống</b> áp dụng quy trình lên men có "
                    "kiểm soát và truy xuất nguồn gốc để xuất khẩu: một cơ sở truyền thống "
                    "<i>đổi mới sáng tạo</i>. Ranh giới không tuyệt đối; điều quan trọng là "
                    "yếu tố mới và khả năng tăng trưởng.</li>"
                    "</ul>",
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "text": (
                            "Khi giảng ở cơ sở, đừng làm người học cảm thấy kinh doanh truyền "
                            "thống là “kém hơn”. Hãy nhấn mạnh: bất kỳ cơ sở nào cũng có thể "
                            "đổi mới — về sản phẩm, quy trình, bao bì, kênh bán — và đó là "
                            "cửa ngõ để bước vào hệ sinh thái khởi nghiệp."
                        ),
                    },
                ),
                (
                    "case_study",
                    {
                        "name": "Hai nhóm thanh niên ở Hội An",
                        "area": "Hội An",
                        "summary": (
                            "<p>Nhóm A mở một quán cà phê view ruộng rau, vốn 300 triệu đồng, "
                            "có lãi sau 8 tháng. Nhóm B xây dựng một ứng dụng đặt trải nghiệm "
                            "làm nông, làm gốm, đi thuyền thúng với các hộ dân; năm đầu lỗ vì "
                            "chi phí phát triển phần mềm, nhưng đến năm thứ hai đã kết nối hơn "
                            "40 hộ ở nhiều xã và bắt đầu mở rộng sang địa phương khác.</p>"
                            "<p>Cả hai đều tạo việc làm. Tuy nhiên, nhóm B phù hợp với các "
                            "chương trình ươm tạo, cuộc thi khởi nghiệp và nhà đầu tư mạo hiểm; "
                            "nhóm A phù hợp hơn với vốn vay ưu đãi và đào tạo quản trị.</p>"
                        ),
                        "takeaway": (
                            "Phân loại đúng dự án giúp giới thiệu đúng loại hỗ trợ: không phải "
                            "dự án nào cũng cần nhà đầu tư, và không phải dự án nào cũng chỉ "
                            "cần vốn vay."
                        ),
                    },
                ),
                (
                    "exercise",
                    {
                        "title": "Phân loại sáu ý tưởng",
                        "instructions": (
                            "<p>Làm việc theo cặp. Với mỗi ý tưởng dưới đây, xếp vào nhóm "
                            "“kinh doanh truyền thống”, “truyền thống có đổi mới” hoặc “khởi "
                            "nghiệp đổi mới sáng tạo” và giải thích bằng ba dấu hiệu đã học:</p>"
                            "<ol>"
                            "<li>Tiệm sửa xe máy ở Tam Kỳ.</li>"
                            "<li>Cảm biến giá rẻ đo độ mặn nước cho ao nuôi tôm ở Núi Thành, "
                            "cảnh báo qua điện thoại.</li>"
                            "<li>Cơ sở bánh tráng ở Đại Lộc chuyển sang bao bì hút chân không, "
                            "bán qua sàn thương mại điện tử.</li>"
                            "<li>Nền tảng kết nối thợ dệt lụa với nhà thiết kế thời trang.</li>"
                            "<li>Cửa hàng bán điện thoại.</li>"
                            "<li>Chế phẩm sinh học từ phụ phẩm nông nghiệp do giảng viên một "
                            "trường đại học nghiên cứu.</li>"
                            "</ol>"
                        ),
                        "minutes": 15,
                    },
                ),
                (
                    "paragraph",
                    "<p><b>Ghi nhớ:</b> khởi nghiệp đổi mới sáng tạo có tỷ lệ thất bại cao, vì "
                    "vậy hệ sinh thái tồn tại để <b>giảm chi phí của thất bại</b> và "
                    "<b>tăng tốc độ học hỏi</b>: cố vấn, không gian làm việc chung, vốn mồi, "
                    "kết nối khách hàng đầu tiên.</p>",
                ),
            ],
            "guide": {
                "steps": [
                    {
                        "minutes": 10,
                        "activity": (
                            "Khởi động: hỏi cả lớp “Khởi nghiệp là gì?” và ghi mọi câu trả lời "
                            "lên bảng, chưa nhận xét đúng sai."
                        ),
                        "materials": "Bảng, bút dạ",
                    },
                    {
                        "minutes": 15,
                        "activity": ("Trình bày khái niệm và ba dấu hiệu; đối chiếu với các câu trả lời trên bảng."),
                        "materials": "Slide 1–6, máy chiếu",
                    },
                    {
                        "minutes": 10,
                        "activity": "Đọc và thảo luận tình huống hai nhóm thanh niên ở Hội An.",
                        "materials": "Phiếu tình huống in sẵn",
                    },
                    {
                        "minutes": 20,
                        "activity": "Bài tập phân loại sáu ý tưởng theo cặp, sau đó chữa chung.",
                        "materials": "Phiếu bài tập, thẻ màu ba loại",
                    },
                    {
                        "minutes": 5,
                        "activity": "Tổng kết: mỗi học viên nói một điều mới học được.",
                        "materials": "",
                    },
                ],
                "notes": (
                    "<p>Ý tưởng 3 và 6 thường gây tranh luận — đó là điều tốt. Không có đáp án "
                    "tuyệt đối; hãy chấm theo lập luận. Gợi ý: 1 và 5 là truyền thống; 3 là "
                    "truyền thống có đổi mới; 2, 4, 6 có nhiều yếu tố khởi nghiệp đổi mới sáng "
                    "tạo.</p><p>Với lớp cán bộ, công chức, nhấn mạnh ý nghĩa thực tiễn: phân "
                    "loại đúng để tư vấn đúng chính sách.</p>"
                ),
            },
        },
        {
            "slug": "cac-chu-the-trong-he-sinh-thai",
            "title": "Các chủ thể trong hệ sinh thái khởi nghiệp",
            "minutes": 75,
            "body": [
                ("heading", "Hệ sinh thái gồm những ai?"),
                (
                    "paragraph",
                    "<p>Hệ sinh thái khởi nghiệp đổi mới sáng tạo là mạng lưới các chủ thể "
                    "tương tác với nhau để giúp ý tưởng trở thành doanh nghiệp tăng trưởng. Có "
                    "thể nhóm thành tám nhóm:</p>"
                    "<ol>"
                    "<li><b>Người khởi nghiệp và doanh nghiệp khởi nghiệp</b> — trung tâm của "
                    "hệ sinh thái.</li>"
                    "<li><b>Cơ quan nhà nước</b> — ban hành chính sách, hỗ trợ thủ tục, đặt "
                    "hàng giải pháp (Sở Khoa học và Công nghệ, các sở, ngành, UBND xã, "
                    "phường).</li>"
                    "<li><b>Trường đại học, cao đẳng, viện nghiên cứu</b> — nguồn nhân lực, "
                    "tri thức và kết quả nghiên cứu để thương mại hóa.</li>"
                    "<li><b>Tổ chức thúc đẩy</b> — vườn ươm, chương trình tăng tốc, không gian "
                    "làm việc chung, trung tâm hỗ trợ khởi nghiệp.</li>"
                    "<li><b>Nhà đầu tư</b> — nhà đầu tư thiên thần, quỹ đầu tư mạo hiểm, quỹ "
                    "của doanh nghiệp lớn, các quỹ hỗ trợ của Nhà nước.</li>"
                    "<li><b>Doanh nghiệp lớn</b> — khách hàng đầu tiên, đối tác phân phối, "
                    "bên mua lại.</li>"
                    "<li><b>Tổ chức chính trị – xã hội, hiệp hội</b> — Đoàn Thanh niên, Hội "
                    "Liên hiệp Phụ nữ, Hội Nông dân, Hội Doanh nhân trẻ, liên minh hợp tác xã: "
                    "tiếp cận rộng tới cơ sở.</li>"
                    "<li><b>Cố vấn, chuyên gia, truyền thông và cộng đồng</b> — chia sẻ kinh "
                    "nghiệm, lan tỏa câu chuyện, tạo văn hóa chấp nhận thử nghiệm.</li>"
                    "</ol>",
                ),
                (
                    "callout",
                    {
                        "kind": "info",
                        "text": (
                            "Giảng viên nguồn là một mắt xích của nhóm thứ 7 và 8: bạn là người "
                            "“kết nối” — giúp người học ở xã, phường biết tìm đến đúng cơ quan, "
                            "chương trình, cố vấn khi cần."
                        ),
                    },
                ),
                (
                    "paragraph",
                    "<p><b>Dòng chảy trong hệ sinh thái.</b> Một hệ sinh thái khỏe khi có đủ "
                    "bốn dòng chảy:</p>"
                    "<ul>"
                    "<li><b>Con người</b>: sinh viên, chuyên gia, người về quê lập nghiệp.</li>"
                    "<li><b>Tri thức</b>: đào tạo, cố vấn, kết quả nghiên cứu.</li>"
                    "<li><b>Vốn</b>: từ vốn tự có, vốn vay, tài trợ đến vốn đầu tư.</li>"
                    "<li><b>Thị trường</b>: khách hàng đầu tiên, kênh phân phối, hợp đồng với "
                    "doanh nghiệp lớn và khu vực công.</li>"
                    "</ul>"
                    "<p>Ở địa phương, điểm nghẽn thường là <b>thị trường</b> và <b>cố vấn</b>, "
                    "chứ không chỉ là vốn.</p>",
                ),
                (
                    "case_study",
                    {
                        "name": "Ngày hội khởi nghiệp (Startup Day) cấp khu vực ở Tam Kỳ",
                        "area": "Tam Kỳ",
                        "summary": (
                            "<p>Một ngày hội khởi nghiệp được tổ chức với 30 gian trưng bày, "
                            "phần thi gọi vốn và tọa đàm. Ban tổ chức mời đủ các bên: trường "
                            "đại học mang kết quả nghiên cứu, Hội Phụ nữ giới thiệu sản phẩm "
                            "của hội viên, các hợp tác xã có sản phẩm OCOP, hai nhà đầu tư thiên "
                            "thần và đại diện một chuỗi siêu thị.</p>"
                            "<p>Kết quả đáng giá nhất không phải giải thưởng, mà là 12 cuộc hẹn "
                            "gặp tiếp theo giữa người khởi nghiệp và bên mua hàng, cố vấn. Ban "
                            "tổ chức dùng phiếu đăng ký kết nối để theo dõi các cuộc hẹn này "
                            "sau ba tháng.</p>"
                        ),
                        "takeaway": (
                            "Sự kiện khởi nghiệp hiệu quả khi được thiết kế để tạo kết nối có "
                            "theo dõi, không chỉ để trao giải."
                        ),
                    },
                ),
                (
                    "exercise",
                    {
                        "title": "Vẽ bản đồ hệ sinh thái nơi tôi công tác",
                        "instructions": (
                            "<p>Làm việc theo nhóm 4–5 người cùng địa bàn.</p>"
                            "<ol>"
                            "<li>Vẽ một vòng tròn ở giữa tờ giấy A0: “Người khởi nghiệp ở xã, "
                            "phường của chúng tôi”.</li>"
                            "<li>Quanh vòng tròn, ghi tên <b>cụ thể</b> các chủ thể thuộc tám "
                            "nhóm mà nhóm biết (cơ quan, trường, hội, doanh nghiệp, cá nhân).</li>"
                            "<li>Nối các chủ thể đã có liên kết thực tế bằng nét liền, liên kết "
                            "còn yếu hoặc chưa có bằng nét đứt.</li>"
                            "<li>Khoanh đỏ hai “khoảng trống” lớn nhất và đề xuất một việc làm "
                            "được trong 3 tháng để lấp khoảng trống đó.</li>"
                            "</ol>"
                        ),
                        "minutes": 25,
                    },
                ),
            ],
            "guide": {
                "steps": [
                    {
                        "minutes": 10,
                        "activity": (
                            "Trò chơi “mạng nhện”: học viên đứng vòng tròn, chuyền cuộn len "
                            "và nói mình thuộc nhóm chủ thể nào, từng hỗ trợ ai."
                        ),
                        "materials": "Cuộn len",
                    },
                    {
                        "minutes": 20,
                        "activity": "Trình bày tám nhóm chủ thể và bốn dòng chảy.",
                        "materials": "Slide, sơ đồ hệ sinh thái in khổ lớn",
                    },
                    {
                        "minutes": 10,
                        "activity": "Thảo luận tình huống Startup Day ở Tam Kỳ.",
                        "materials": "Phiếu tình huống",
                    },
                    {
                        "minutes": 30,
                        "activity": (
                            "Bài tập vẽ bản đồ hệ sinh thái theo nhóm; mỗi nhóm trình bày 3 "
                            "phút, chú trọng khoảng trống và việc làm đề xuất."
                        ),
                        "materials": "Giấy A0, bút màu, giấy ghi chú",
                    },
                    {
                        "minutes": 5,
                        "activity": "Tổng kết và ghi nhận đề xuất vào danh sách chung của lớp.",
                        "materials": "",
                    },
                ],
                "notes": (
                    "<p>Khuyến khích học viên ghi tên cụ thể thay vì chung chung (“Đoàn xã” "
                    "thay vì “các đoàn thể”). Sau khi sắp xếp đơn vị hành chính năm 2025, nhiều "
                    "đầu mối đã thay đổi — hãy dùng bài tập này để cùng cập nhật danh bạ đầu "
                    "mối.</p><p>Chụp ảnh các bản đồ và lưu lại: đây là tư liệu để so sánh ở "
                    "khóa sau.</p>"
                ),
            },
        },
        {
            "slug": "chinh-sach-quoc-gia-va-vai-tro-dia-phuong",
            "title": "Chính sách quốc gia và vai trò của địa phương",
            "minutes": 90,
            "body": [
                ("heading", "Các đề án quốc gia hỗ trợ khởi nghiệp"),
                (
                    "paragraph",
                    "<p>Ba đề án thường được nhắc đến trong hoạt động khởi nghiệp ở địa "
                    "phương:</p>"
                    "<ul>"
                    "<li><b>Đề án 844</b> — “Hỗ trợ hệ sinh thái khởi nghiệp đổi mới sáng "
                    "tạo quốc gia” (Quyết định số 844/QĐ-TTg ngày 18/5/2016), do Bộ Khoa học "
                    "và Công nghệ chủ trì. Nội dung chính: hỗ trợ dự án và doanh nghiệp khởi "
                    "nghiệp (đào tạo, tư vấn, sở hữu trí tuệ, thử nghiệm, kết nối đầu tư), "
                    "phát triển tổ chức thúc đẩy, sự kiện Techfest, Cổng thông tin khởi nghiệp "
                    "đổi mới sáng tạo quốc gia.</li>"
                    "<li><b>Đề án 939</b> — “Hỗ trợ phụ nữ khởi nghiệp” (Quyết định số "
                    "939/QĐ-TTg ngày 30/6/2017), do Hội Liên hiệp Phụ nữ Việt Nam chủ trì: "
                    "truyền thông, tập huấn, hỗ trợ tiếp cận vốn, kết nối thị trường, phát "
                    "triển hợp tác xã, tổ hợp tác do phụ nữ làm chủ.</li>"
                    "<li><b>Đề án 1665</b> — “Hỗ trợ học sinh, sinh viên khởi nghiệp” "
                    "(Quyết định số 1665/QĐ-TTg ngày 30/10/2017), do Bộ Giáo dục và Đào tạo "
                    "chủ trì: đưa kiến thức khởi nghiệp vào nhà trường, bồi dưỡng giảng viên, "
                    "hình thành câu lạc bộ, tổ chức Ngày hội khởi nghiệp quốc gia của học "
                    "sinh, sinh viên.</li>"
                    "</ul>",
                ),
                (
                    "paragraph",
                    "<p><b>Các văn bản nền tảng khác</b> nên biết:</p>"
                    "<ul>"
                    "<li>Luật Hỗ trợ doanh nghiệp nhỏ và vừa (2017) và Nghị định số "
                    "80/2021/NĐ-CP: hỗ trợ tư vấn, đào tạo, sở hữu trí tuệ, thử nghiệm, "
                    "truyền thông cho doanh nghiệp nhỏ và vừa khởi nghiệp sáng tạo.</li>"
                    "<li>Nghị định số 38/2018/NĐ-CP: đầu tư cho doanh nghiệp nhỏ và vừa khởi "
                    "nghiệp sáng tạo, quỹ đầu tư khởi nghiệp sáng tạo.</li>"
                    "<li>Nghị quyết số 57-NQ/TW (22/12/2024) của Bộ Chính trị về đột phá phát "
                    "triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia.</li>"
                    "<li>Luật Khoa học, công nghệ và đổi mới sáng tạo (2025).</li>"
                    "<li>Chương trình Mỗi xã một sản phẩm (OCOP) — cầu nối giữa khởi nghiệp và "
                    "kinh tế nông thôn.</li>"
                    "</ul>",
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "text": (
                            "Nhiều đề án có mốc thời gian “đến năm 2025”. Trước mỗi lớp học, "
                            "kiểm tra xem đề án đã được gia hạn, thay thế hay có chương trình "
                            "kế tiếp chưa, và cơ quan nào hiện là đầu mối ở địa phương. Không "
                            "hứa hẹn mức hỗ trợ cụ thể nếu chưa đối chiếu văn bản hiện hành."
                        ),
                    },
                ),
                ("heading", "Vai trò của địa phương và của giảng viên nguồn"),
                (
                    "paragraph",
                    "<p>Theo chủ trương của tỉnh Quảng Nam (nay thuộc thành phố Đà Nẵng sau "
                    "khi hợp nhất năm 2025), việc phổ biến kiến thức về hệ sinh thái khởi "
                    "nghiệp được triển khai tới cán bộ, công chức, viên chức, đảng viên, đoàn "
                    "viên, hội viên, phụ nữ, thanh niên và học sinh, sinh viên. Mô hình triển "
                    "khai gồm:</p>"
                    "<ol>"
                    "<li><b>Đào tạo giảng viên nguồn</b> được chứng nhận (khóa học này).</li>"
                    "<li><b>Giảng dạy lan tỏa</b> (cascade): mỗi giảng viên nguồn tổ chức lớp "
                    "tại địa bàn mình, có kế hoạch, báo cáo số lượt người học.</li>"
                    "<li><b>Ngày hội khởi nghiệp (Startup Day)</b> định kỳ để trưng bày, thi ý "
                    "tưởng, kết nối.</li>"
                    "<li><b>Gắn với OCOP</b>: hỗ trợ chủ thể OCOP đổi mới sản phẩm, bao bì, "
                    "kênh bán — biến sản phẩm địa phương thành dự án khởi nghiệp.</li>"
                    "</ol>",
                ),
                (
                    "exercise",
                    {
                        "title": "Ghép chính sách với người học",
                        "instructions": (
                            "<p>Nhóm nhận bộ 8 “thẻ nhân vật” (ví dụ: nữ chủ hộ nuôi gà ở Tam "
                            "Kỳ; sinh viên năm ba có ý tưởng ứng dụng du lịch; giảng viên có "
                            "sáng chế; chủ nhiệm hợp tác xã quế ở Trà My...). Với mỗi nhân vật, "
                            "xác định: (1) đề án/chương trình phù hợp nhất; (2) đầu mối ở địa "
                            "phương để liên hệ; (3) một hỗ trợ cụ thể có thể đề nghị. Trình bày "
                            "dưới dạng bảng ba cột.</p>"
                        ),
                        "minutes": 25,
                    },
                ),
            ],
            "guide": {
                "steps": [
                    {
                        "minutes": 10,
                        "activity": (
                            "Câu hỏi mở đầu: “Anh/chị đã từng nghe đến Đề án 844, 939, 1665 "
                            "chưa? Ở đâu?” — khảo sát nhanh bằng giơ tay."
                        ),
                        "materials": "",
                    },
                    {
                        "minutes": 25,
                        "activity": "Trình bày ba đề án và các văn bản nền tảng.",
                        "materials": "Slide, bản tóm tắt văn bản (1 trang/đề án)",
                    },
                    {
                        "minutes": 15,
                        "activity": (
                            "Trình bày mô hình lan tỏa của địa phương: ToT, cascade, Startup "
                            "Day, OCOP; giải đáp về chỉ tiêu và báo cáo."
                        ),
                        "materials": "Sơ đồ mô hình lan tỏa",
                    },
                    {
                        "minutes": 30,
                        "activity": "Bài tập ghép chính sách với thẻ nhân vật; chữa chung.",
                        "materials": "Bộ thẻ nhân vật, giấy A3",
                    },
                    {
                        "minutes": 10,
                        "activity": "Hỏi đáp và tổng kết mô-đun; giới thiệu bài kiểm tra.",
                        "materials": "",
                    },
                ],
                "notes": (
                    "<p>Chuẩn bị trước danh bạ đầu mối cập nhật (Sở Khoa học và Công nghệ, Hội "
                    "Liên hiệp Phụ nữ, Thành đoàn, Sở Giáo dục và Đào tạo, các trường, văn "
                    "phòng điều phối nông thôn mới/OCOP). Học viên đánh giá rất cao thông tin "
                    "“gọi ai, ở đâu”.</p><p>Tránh sa đà đọc văn bản; mỗi đề án chỉ cần nhớ: ai "
                    "chủ trì, hỗ trợ ai, hỗ trợ gì.</p>"
                ),
            },
        },
    ],
    "quiz": {
        "slug": "kiem-tra-he-sinh-thai",
        "title": "Kiểm tra mô-đun 1: Hệ sinh thái khởi nghiệp",
        "pass_mark": 70,
        "questions": [
            {
                "kind": "single",
                "text": "Đề án 939 của Thủ tướng Chính phủ hỗ trợ đối tượng nào?",
                "explanation": (
                    "Quyết định 939/QĐ-TTg năm 2017 phê duyệt Đề án “Hỗ trợ phụ nữ khởi "
                    "nghiệp”, do Hội Liên hiệp Phụ nữ Việt Nam chủ trì."
                ),
                "choices": [
                    {"text": "Học sinh, sinh viên", "correct": False},
                    {"text": "Phụ nữ khởi nghiệp", "correct": True},
                    {"text": "Doanh nghiệp nhà nước", "correct": False},
                    {"text": "Quỹ đầu tư mạo hiểm nước ngoài", "correct": False},
                ],
            },
            {
                "kind": "multiple",
                "text": (
                    "Những dấu hiệu nào giúp nhận diện một dự án khởi nghiệp đổi mới sáng tạo? "
                    "(Chọn tất cả đáp án đúng)"
                ),
                "explanation": (
                    "Khởi nghiệp đổi mới sáng tạo có yếu tố mới, khả năng nhân rộng và tăng "
                    "trưởng nhanh, mô hình kinh doanh còn bất định. Quy mô vốn ban đầu lớn "
                    "không phải là dấu hiệu."
                ),
                "choices": [
                    {"text": "Có yếu tố mới về sản phẩm, công nghệ hoặc mô hình", "correct": True},
                    {"text": "Có khả năng nhân rộng, tăng trưởng nhanh", "correct": True},
                    {"text": "Bắt buộc có vốn ban đầu trên 1 tỷ đồng", "correct": False},
                    {
                        "text": "Mô hình kinh doanh chưa được chứng minh, cần thử nghiệm",
                        "correct": True,
                    },
                ],
            },
            {
                "kind": "single",
                "text": "Cơ quan nào chủ trì Đề án 1665 về hỗ trợ học sinh, sinh viên khởi nghiệp?",
                "explanation": ("Đề án 1665 (Quyết định 1665/QĐ-TTg năm 2017) do Bộ Giáo dục và Đào tạo chủ trì."),
                "choices": [
                    {"text": "Bộ Khoa học và Công nghệ", "correct": False},
                    {"text": "Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh", "correct": False},
                    {"text": "Bộ Giáo dục và Đào tạo", "correct": True},
                    {"text": "Bộ Tài chính", "correct": False},
                ],
            },
            {
                "kind": "true_false",
                "text": (
                    "Trong mô hình lan tỏa (cascade), giảng viên nguồn sau khi được chứng nhận sẽ "
                    "tổ chức lớp học tại địa bàn của mình."
                ),
                "explanation": (
                    "Đúng. Mục tiêu của đào tạo giảng viên nguồn là để họ trực tiếp giảng dạy, "
                    "lan tỏa kiến thức tới cán bộ, hội viên, thanh niên ở cơ sở."
                ),
                "choices": [
                    {"text": "Đúng", "correct": True},
                    {"text": "Sai", "correct": False},
                ],
            },
            {
                "kind": "true_false",
                "text": "Ở địa phương, điểm nghẽn duy nhất của người khởi nghiệp là thiếu vốn.",
                "explanation": (
                    "Sai. Thiếu thị trường (khách hàng đầu tiên, kênh phân phối) và thiếu cố vấn "
                    "thường là điểm nghẽn lớn không kém vốn."
                ),
                "choices": [
                    {"text": "Đúng", "correct": False},
                    {"text": "Sai", "correct": True},
                ],
            },
        ],
    },
}

# ---------------------------------------------------------------------------
# Mô-đun 2: Tư duy khởi nghiệp
# ---------------------------------------------------------------------------

_TOT_M2 = {
    "slug": "tu-duy-khoi-nghiep",
    "title": "Tư duy khởi nghiệp",
    "intro": (
        "Khởi nghiệp trước hết là một cách nghĩ: bắt đầu từ những gì mình có, kiểm chứng "
        "giả định với khách hàng thật, và xem thất bại nhỏ là dữ liệu để học. Mô-đun này "
        "trang bị cho giảng viên nguồn các công cụ đơn giản — tư duy hiệu quả, phỏng vấn "
        "khám phá khách hàng, vòng lặp Xây dựng – Đo lường – Học hỏi — để hướng dẫn người "
        "học biến ý tưởng thành các bước thử nghiệm cụ thể."
    ),
    "lessons": [
        {
            "slug": "tu-duy-hieu-qua",
            "title": "Tư duy khởi nghiệp và năm nguyên tắc tư duy hiệu quả",
            "minutes": 60,
            "body": [
                ("heading", "Người khởi nghiệp thành công nghĩ như thế nào?"),
                (
                    "paragraph",
                    "<p>Nghiên cứu của Saras Sarasvathy về các nhà sáng lập nhiều kinh nghiệm "
                    "cho thấy họ ít khi bắt đầu bằng một kế hoạch kinh doanh hoàn hảo. Thay "
                    "vào đó, họ áp dụng <b>tư duy hiệu quả (effectuation)</b> với năm nguyên "
                    "tắc:</p>"
                    "<ol>"
                    "<li><b>Con chim trong tay</b>: bắt đầu từ cái mình có — mình là ai, mình "
                    "biết gì, mình quen ai — thay vì chờ đủ điều kiện.</li>"
                    "<li><b>Mức lỗ chấp nhận được</b>: quyết định dựa trên câu hỏi “nếu thất "
                    "bại, mình mất tối đa bao nhiêu và có chịu được không?” thay vì chỉ nhìn "
                    "lợi nhuận kỳ vọng.</li>"
                    "<li><b>Tấm chăn chắp vá</b>: tìm người cùng cam kết (đối tác, khách hàng "
                    "đầu tiên, nhà cung cấp) và để họ cùng định hình dự án.</li>"
                    "<li><b>Nước chanh</b>: biến bất ngờ thành cơ hội — “đời cho quả chanh thì "
                    "làm nước chanh”.</li>"
                    "<li><b>Phi công trên máy bay</b>: tập trung vào những gì mình kiểm soát "
                    "được, thay vì cố dự báo tương lai.</li>"
                    "</ol>",
                ),
                (
                    "paragraph",
                    "<p><b>Năm ngộ nhận thường gặp</b> khi nói chuyện khởi nghiệp ở cơ sở:</p>"
                    "<ul>"
                    "<li>“Phải có ý tưởng độc nhất vô nhị” — thực tế, cách làm tốt hơn quan "
                    "trọng hơn ý tưởng mới hoàn toàn.</li>"
                    "<li>“Phải có nhiều vốn mới khởi nghiệp được” — nhiều dự án bắt đầu bằng "
                    "vài triệu đồng để thử nghiệm.</li>"
                    "<li>“Khởi nghiệp là chuyện của người trẻ, dân công nghệ” — phụ nữ nông "
                    "thôn, cán bộ nghỉ hưu, chủ thể OCOP đều có thể khởi nghiệp.</li>"
                    "<li>“Thất bại là xấu hổ” — thất bại nhỏ, sớm và rẻ là cách học nhanh "
                    "nhất.</li>"
                    "<li>“Cứ làm sản phẩm thật tốt, khách sẽ tự đến” — không có khách hàng "
                    "thì không có doanh nghiệp.</li>"
                    "</ul>",
                ),
                (
                    "case_study",
                    {
                        "name": "Cô giáo về hưu làm trà thảo mộc ở Đại Lộc",
                        "area": "Đại Lộc",
                        "summary": (
                            "<p>Một cô giáo về hưu có vườn thảo mộc và thói quen pha trà cho "
                            "hàng xóm (con chim trong tay). Cô chỉ dành 5 triệu đồng để làm 200 "
                            "túi thử (mức lỗ chấp nhận được). Một chủ homestay quen biết đặt "
                            "mua làm quà cho khách và góp ý về bao bì (tấm chăn chắp vá). Khi "
                            "mưa lũ làm hỏng một mẻ phơi, cô chuyển sang sấy bằng máy sấy nhiệt "
                            "độ thấp và phát hiện màu trà đẹp hơn — trở thành điểm khác biệt "
                            "của sản phẩm (nước chanh).</p>"
                        ),
                        "takeaway": (
                            "Không cần kế hoạch hoàn hảo; cần bắt đầu nhỏ, giới hạn rủi ro và học từ từng bước."
                        ),
                    },
                ),
                (
                    "exercise",
                    {
                        "title": "Bản kê “con chim trong tay” của tôi",
                        "instructions": (
                            "<p>Mỗi học viên tự viết trong 10 phút, sau đó chia sẻ theo cặp:</p>"
                            "<ul>"
                            "<li><b>Tôi là ai?</b> Ba điểm mạnh, ba sở thích.</li>"
                            "<li><b>Tôi biết gì?</b> Kỹ năng, kinh nghiệm nghề, hiểu biết về "
                            "địa phương.</li>"
                            "<li><b>Tôi quen ai?</b> Mười người có thể giúp tôi bắt đầu.</li>"
                            "<li><b>Tôi chấp nhận mất tối đa</b> bao nhiêu tiền và thời gian "
                            "trong 3 tháng đầu?</li>"
                            "</ul>"
                            "<p>Từ bản kê, đề xuất một ý tưởng có thể thử trong tháng tới.</p>"
                        ),
                        "minutes": 20,
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "text": (
                            "Bài tập này rất hiệu quả với lớp phụ nữ và người lớn tuổi: họ "
                            "thường bất ngờ khi thấy mình “có” nhiều hơn mình nghĩ."
                        ),
                    },
                ),
            ],
            "guide": {
                "steps": [
                    {
                        "minutes": 5,
                        "activity": (
                            "Câu hỏi khởi động: “Nếu muốn nấu một bữa tối, anh/chị đi chợ theo "
                            "thực đơn hay mở tủ lạnh xem có gì?” — dẫn vào hai kiểu tư duy."
                        ),
                        "materials": "",
                    },
                    {
                        "minutes": 15,
                        "activity": "Trình bày năm nguyên tắc và năm ngộ nhận.",
                        "materials": "Slide, hình minh họa năm nguyên tắc",
                    },
                    {
                        "minutes": 10,
                        "activity": ("Phân tích tình huống trà thảo mộc: gắn từng chi tiết với nguyên tắc."),
                        "materials": "Phiếu tình huống",
                    },
                    {
                        "minutes": 25,
                        "activity": ("Bài tập bản kê cá nhân, chia sẻ theo cặp, 3–4 người chia sẻ trước lớp."),
                        "materials": "Phiếu bản kê",
                    },
                    {
                        "minutes": 5,
                        "activity": "Tổng kết: tư duy khởi nghiệp học được và luyện được.",
                        "materials": "",
                    },
                ],
                "notes": (
                    "<p>Tư duy hiệu quả không phủ nhận lập kế hoạch; nó phù hợp nhất khi tương "
                    "lai khó dự báo. Nếu học viên là cán bộ làm kế hoạch, hãy giải thích hai "
                    "cách tư duy bổ sung cho nhau.</p><p>Không ép học viên chia sẻ số tiền cụ "
                    "thể trước lớp.</p>"
                ),
            },
        },
        {
            "slug": "kham-pha-khach-hang",
            "title": "Khám phá khách hàng: ra khỏi văn phòng",
            "minutes": 90,
            "body": [
                ("heading", "Vì sao phải phỏng vấn khách hàng trước khi làm sản phẩm?"),
                (
                    "paragraph",
                    "<p>Nguyên nhân hàng đầu khiến dự án khởi nghiệp thất bại là làm ra thứ "
                    "không ai cần. Phương pháp <b>khám phá khách hàng</b> (customer "
                    "discovery) của Steve Blank đề nghị người khởi nghiệp “ra khỏi văn phòng” "
                    "để kiểm chứng: <i>vấn đề có thật không, ai gặp vấn đề đó, họ đang giải "
                    "quyết thế nào, họ có sẵn sàng trả tiền không</i>.</p>",
                ),
                (
                    "paragraph",
                    "<p><b>Ba quy tắc phỏng vấn</b> (theo cuốn <i>The Mom Test</i> của Rob "
                    "Fitzpatrick):</p>"
                    "<ol>"
                    "<li>Hỏi về <b>cuộc sống của họ</b>, không hỏi về ý tưởng của mình.</li>"
                    "<li>Hỏi về <b>việc đã xảy ra trong quá khứ</b>, không hỏi về dự định "
                    "tương lai (“Lần gần nhất anh mua... là khi nào?” thay vì “Anh có mua "
                    "không?”).</li>"
                    "<li><b>Nói ít, nghe nhiều</b>; ghi chép nguyên văn.</li>"
                    "</ol>"
                    "<p><b>Kịch bản phỏng vấn 20 phút:</b></p>"
                    "<ol>"
                    "<li>Làm quen, nói rõ mục đích tìm hiểu, không bán hàng (2 phút).</li>"
                    "<li>Bối cảnh: “Anh/chị kể về công việc... hằng ngày?” (5 phút).</li>"
                    "<li>Vấn đề: “Việc gì khó khăn, tốn thời gian, tốn tiền nhất?” (5 phút).</li>"
                    "<li>Giải pháp hiện tại: “Hiện anh/chị xử lý thế nào? Tốn bao nhiêu?” "
                    "(5 phút).</li>"
                    "<li>Kết thúc: “Tôi nên nói chuyện thêm với ai?” và xin phép liên hệ lại "
                    "(3 phút).</li>"
                    "</ol>",
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "text": (
                            "Lời khen không phải là dữ liệu. “Ý tưởng hay quá!” không chứng minh "
                            "được gì. Tín hiệu thật là cam kết: đặt cọc, đặt hàng thử, dành thời "
                            "gian gặp lại, giới thiệu người khác."
                        ),
                    },
                ),
                (
                    "case_study",
                    {
                        "name": "Hợp tác xã rau hữu cơ ở Duy Xuyên",
                        "area": "Duy Xuyên",
                        "summary": (
                            "<p>Hợp tác xã định đầu tư chứng nhận hữu cơ để bán cho các nhà "
                            "hàng ở Hội An với giá cao hơn 30%. Trước khi chi tiền, các thành "
                            "viên phỏng vấn 15 chủ nhà hàng và bếp trưởng. Kết quả bất ngờ: chỉ "
                            "3 nơi quan tâm đến chứng nhận; 12 nơi than phiền nhiều nhất về "
                            "<b>giao hàng không đúng giờ</b> và <b>chất lượng không đồng đều</b> "
                            "giữa các ngày.</p>"
                            "<p>Hợp tác xã điều chỉnh: cam kết giao trước 7 giờ sáng, đóng gói "
                            "theo đơn từng bếp, ký hợp đồng theo tuần. Sau ba tháng có 9 nhà "
                            "hàng ký hợp đồng; việc xin chứng nhận được lên kế hoạch cho giai "
                            "đoạn sau.</p>"
                        ),
                        "takeaway": (
                            "Phỏng vấn đúng cách giúp tránh đầu tư sai chỗ và phát hiện nhu cầu "
                            "thật mà người làm sản phẩm không nghĩ tới."
                        ),
                    },
                ),
                (
                    "exercise",
                    {
                        "title": "Sửa câu hỏi phỏng vấn và phỏng vấn thử",
                        "instructions": (
                            "<p><b>Phần 1 (10 phút).</b> Viết lại các câu hỏi sau theo ba quy "
                            "tắc:</p>"
                            "<ul>"
                            "<li>“Chị có mua nước mắm đóng chai cao cấp nếu em làm không?”</li>"
                            "<li>“Anh thấy ứng dụng đặt lịch khám của em có hay không?”</li>"
                            "<li>“Nếu giá 50.000 đồng thì anh có mua không?”</li>"
                            "</ul>"
                            "<p><b>Phần 2 (20 phút).</b> Theo nhóm ba người: một người phỏng "
                            "vấn, một người đóng vai khách hàng, một người quan sát và ghi lại "
                            "những lần người phỏng vấn “bán hàng” hoặc hỏi câu giả định. Đổi vai "
                            "sau mỗi 6 phút.</p>"
                        ),
                        "minutes": 30,
                    },
                ),
                (
                    "paragraph",
                    "<p><b>Sau phỏng vấn</b>: tổng hợp vào bảng gồm các cột <i>Người được "
                    "phỏng vấn – Vấn đề nêu ra – Mức độ nghiêm trọng (1–5) – Cách đang giải "
                    "quyết – Chi phí hiện tại – Câu nói nguyên văn – Cam kết</i>. Thường sau "
                    "10–15 cuộc phỏng vấn với cùng một nhóm khách hàng, các vấn đề lặp lại sẽ "
                    "lộ rõ.</p>",
                ),
            ],
            "guide": {
                "steps": [
                    {
                        "minutes": 10,
                        "activity": ("Diễn một đoạn phỏng vấn “tệ” (giảng viên và một học viên), cả lớp chỉ ra lỗi."),
                        "materials": "Kịch bản đóng vai",
                    },
                    {
                        "minutes": 20,
                        "activity": "Trình bày ba quy tắc, kịch bản 20 phút và cách ghi chép.",
                        "materials": "Slide, mẫu bảng tổng hợp",
                    },
                    {
                        "minutes": 15,
                        "activity": "Thảo luận tình huống hợp tác xã rau hữu cơ ở Duy Xuyên.",
                        "materials": "Phiếu tình huống",
                    },
                    {
                        "minutes": 35,
                        "activity": "Bài tập sửa câu hỏi và phỏng vấn thử theo nhóm ba người.",
                        "materials": "Phiếu câu hỏi, phiếu quan sát",
                    },
                    {
                        "minutes": 10,
                        "activity": (
                            "Tổng kết; giao bài về nhà: phỏng vấn 5 khách hàng thật trong tuần "
                            "tới và nộp bảng tổng hợp."
                        ),
                        "materials": "Mẫu bảng tổng hợp",
                    },
                ],
                "notes": (
                    "<p>Người quan sát là vai quan trọng nhất: yêu cầu họ đếm số lần người "
                    "phỏng vấn nói về ý tưởng của mình. Đa số học viên lần đầu sẽ “bán hàng” "
                    "ngay phút thứ hai — đó là điểm học quý.</p><p>Gợi ý sửa câu 1: “Lần gần "
                    "nhất chị mua nước mắm là khi nào? Chị mua loại nào, ở đâu, giá bao "
                    "nhiêu? Vì sao chọn loại đó?”</p>"
                ),
            },
        },
        {
            "slug": "that-bai-va-phuong-phap-tinh-gon",
            "title": "Thất bại có chủ đích và phương pháp khởi nghiệp tinh gọn",
            "minutes": 75,
            "body": [
                ("heading", "Vòng lặp Xây dựng – Đo lường – Học hỏi"),
                (
                    "paragraph",
                    "<p>Phương pháp <b>khởi nghiệp tinh gọn</b> (Lean Startup, Eric Ries) coi "
                    "mỗi dự án là một chuỗi thí nghiệm. Mỗi vòng lặp gồm:</p>"
                    "<ol>"
                    "<li><b>Giả định</b>: viết rõ điều mình tin nhưng chưa chứng minh, theo "
                    "mẫu: “Chúng tôi tin rằng [nhóm khách hàng] sẽ [hành vi] vì [lý do]. Chúng "
                    "tôi biết mình đúng nếu [chỉ số] đạt [ngưỡng] trong [thời gian].”</li>"
                    "<li><b>Xây dựng</b>: làm phiên bản rẻ nhất đủ để kiểm chứng giả định.</li>"
                    "<li><b>Đo lường</b>: thu số liệu hành vi thật (đơn hàng, lượt đăng ký, "
                    "tỷ lệ mua lại), không chỉ ý kiến.</li>"
                    "<li><b>Học hỏi</b>: quyết định <b>kiên trì</b> (tiếp tục hướng cũ) hay "
                    "<b>xoay trục</b> (pivot — đổi khách hàng, kênh, sản phẩm hoặc cách thu "
                    "tiền).</li>"
                    "</ol>",
                ),
                (
                    "paragraph",
                    "<p><b>Thất bại có chủ đích</b> nghĩa là thiết kế để thất bại sớm, rẻ và "
                    "có bài học. Ba câu hỏi trước mỗi thử nghiệm:</p>"
                    "<ul>"
                    "<li>Nếu giả định sai, mình mất bao nhiêu tiền và thời gian?</li>"
                    "<li>Mình sẽ biết kết quả sau bao lâu (ngày, tuần — không phải năm)?</li>"
                    "<li>Kết quả nào khiến mình dừng lại hoặc đổi hướng?</li>"
                    "</ul>"
                    "<p>Sau thất bại, dùng buổi <b>rút kinh nghiệm không đổ lỗi</b>: Chúng ta "
                    "định làm gì? Thực tế xảy ra gì? Vì sao khác? Lần sau làm gì khác?</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "text": (
                            "Phân biệt “thất bại trong thử nghiệm” với “sai phạm”. Thử nghiệm "
                            "nhanh không bao giờ là lý do để bỏ qua quy định về an toàn thực "
                            "phẩm, thuế, hợp đồng, bảo vệ dữ liệu cá nhân hay quản lý tài sản "
                            "công. Với cán bộ, công chức tham gia dự án đổi mới, cần tuân thủ "
                            "quy định về quản lý tài chính và phòng chống xung đột lợi ích."
                        ),
                    },
                ),
                (
                    "case_study",
                    {
                        "name": "Nhóm thanh niên làm ứng dụng giao hàng ở Núi Thành",
                        "area": "Núi Thành",
                        "summary": (
                            "<p>Một nhóm ba thanh niên dành 6 tháng và 150 triệu đồng xây dựng "
                            "ứng dụng giao đồ ăn cho thị trấn. Khi ra mắt, lượng đơn rất ít: "
                            "quán ăn nhỏ không muốn trả phí hoa hồng, còn người dân quen gọi "
                            "điện trực tiếp. Khi rút kinh nghiệm, nhóm nhận ra họ chưa từng "
                            "phỏng vấn chủ quán trước khi làm.</p>"
                            "<p>Nhóm thử lại theo cách tinh gọn: lập một nhóm Zalo nhận đơn "
                            "<b>giao hàng cho công nhân ca đêm</b> ở khu công nghiệp — chi phí "
                            "thử nghiệm dưới 2 triệu đồng trong hai tuần. Có 60 đơn/tuần ngay "
                            "tuần thứ hai. Nhóm xoay trục sang dịch vụ suất ăn ca đêm và chỉ "
                            "xây dựng phần mềm khi lượng đơn vượt khả năng xử lý thủ công.</p>"
                        ),
                        "takeaway": (
                            "Thử nghiệm rẻ trước, xây dựng đắt sau. Một nhóm Zalo có thể kiểm "
                            "chứng nhu cầu tốt hơn một ứng dụng hoàn chỉnh."
                        ),
                    },
                ),
                (
                    "exercise",
                    {
                        "title": "Viết thẻ thử nghiệm",
                        "instructions": (
                            "<p>Mỗi nhóm chọn một ý tưởng (của thành viên hoặc từ thẻ gợi ý) và "
                            "hoàn thành thẻ thử nghiệm gồm: <b>Giả định</b> quan trọng nhất "
                            "(theo mẫu câu trong bài); <b>Thử nghiệm</b> rẻ nhất có thể làm "
                            "trong 2 tuần; <b>Chỉ số</b> và <b>ngưỡng thành công</b>; <b>Chi "
                            "phí tối đa</b>; <b>Quyết định</b> sẽ đưa ra nếu đạt/không đạt. "
                            "Các nhóm đổi thẻ cho nhau để góp ý: thử nghiệm có thật sự rẻ và "
                            "nhanh không?</p>"
                        ),
                        "minutes": 25,
                    },
                ),
            ],
            "guide": {
                "steps": [
                    {
                        "minutes": 10,
                        "activity": (
                            "Chia sẻ: mời 2–3 học viên kể một lần thất bại và điều họ học được; "
                            "giảng viên chia sẻ trước để tạo không khí an toàn."
                        ),
                        "materials": "",
                    },
                    {
                        "minutes": 20,
                        "activity": "Trình bày vòng lặp, mẫu giả định, kiên trì và xoay trục.",
                        "materials": "Slide, sơ đồ vòng lặp",
                    },
                    {
                        "minutes": 10,
                        "activity": "Thảo luận tình huống Núi Thành: lẽ ra nhóm nên làm gì từ đầu?",
                        "materials": "Phiếu tình huống",
                    },
                    {
                        "minutes": 30,
                        "activity": "Bài tập thẻ thử nghiệm và góp ý chéo giữa các nhóm.",
                        "materials": "Mẫu thẻ thử nghiệm khổ A4",
                    },
                    {
                        "minutes": 5,
                        "activity": "Tổng kết mô-đun và giới thiệu bài kiểm tra.",
                        "materials": "",
                    },
                ],
                "notes": (
                    "<p>Ở nhiều nơi, thất bại vẫn gắn với sự xấu hổ. Hãy dùng ngôn ngữ trung "
                    "tính (“thử nghiệm chưa đạt”, “bài học”) và nhấn mạnh thất bại nhỏ giúp "
                    "tránh thất bại lớn.</p><p>Kiểm tra kỹ ngưỡng thành công trên thẻ: học "
                    "viên thường viết mơ hồ (“nhiều người thích”). Yêu cầu con số cụ thể.</p>"
                ),
            },
        },
    ],
    "quiz": {
        "slug": "kiem-tra-tu-duy-khoi-nghiep",
        "title": "Kiểm tra mô-đun 2: Tư duy khởi nghiệp",
        "pass_mark": 70,
        "questions": [
            {
                "kind": "single",
                "text": ("Câu hỏi phỏng vấn khách hàng nào dưới đây tuân thủ tốt nhất các quy tắc đã học?"),
                "explanation": (
                    "Câu hỏi tốt hỏi về hành vi đã xảy ra trong quá khứ của khách hàng, không "
                    "hỏi ý kiến về ý tưởng hay dự định trong tương lai."
                ),
                "choices": [
                    {"text": "Anh có thấy sản phẩm của em hay không?", "correct": False},
                    {"text": "Nếu em bán giá 50.000 đồng, anh có mua không?", "correct": False},
                    {
                        "text": ("Lần gần nhất anh mua sản phẩm loại này là khi nào, ở đâu, giá bao nhiêu?"),
                        "correct": True,
                    },
                    {"text": "Anh có ủng hộ người trẻ khởi nghiệp không?", "correct": False},
                ],
            },
            {
                "kind": "multiple",
                "text": "Những tín hiệu nào là bằng chứng đáng tin cậy về nhu cầu của khách hàng?",
                "explanation": (
                    "Cam kết bằng hành động (đặt cọc, đặt hàng thử, giới thiệu người khác) "
                    "đáng tin hơn lời khen hay lời hứa sẽ mua."
                ),
                "choices": [
                    {"text": "Khách hàng đặt cọc hoặc đặt hàng thử", "correct": True},
                    {"text": "Khách hàng khen “ý tưởng hay quá”", "correct": False},
                    {"text": "Khách hàng giới thiệu thêm người có cùng vấn đề", "correct": True},
                    {"text": "Khách hàng hẹn gặp lại để xem bản thử", "correct": True},
                ],
            },
            {
                "kind": "single",
                "text": "Theo tư duy hiệu quả, nguyên tắc “mức lỗ chấp nhận được” có nghĩa là gì?",
                "explanation": (
                    "Người khởi nghiệp quyết định dựa trên mức thiệt hại tối đa mình chịu được "
                    "nếu thất bại, thay vì chỉ dựa vào lợi nhuận kỳ vọng."
                ),
                "choices": [
                    {"text": "Chỉ đầu tư khi chắc chắn có lãi", "correct": False},
                    {
                        "text": "Giới hạn số tiền, thời gian có thể mất nếu thất bại và chịu được",
                        "correct": True,
                    },
                    {"text": "Vay càng nhiều càng tốt để tăng tốc", "correct": False},
                    {
                        "text": "Chờ có kế hoạch kinh doanh hoàn chỉnh rồi mới bắt đầu",
                        "correct": False,
                    },
                ],
            },
            {
                "kind": "true_false",
                "text": (
                    "“Xoay trục” (pivot) là thay đổi một thành phần cơ bản của mô hình như nhóm "
                    "khách hàng, kênh hoặc sản phẩm dựa trên kết quả thử nghiệm."
                ),
                "explanation": (
                    "Đúng. Xoay trục là đổi hướng có căn cứ từ dữ liệu, khác với bỏ cuộc hoặc thay đổi tùy hứng."
                ),
                "choices": [
                    {"text": "Đúng", "correct": True},
                    {"text": "Sai", "correct": False},
                ],
            },
        ],
    },
}

# ---------------------------------------------------------------------------
# Mô-đun 3: Mô hình kinh doanh
# ---------------------------------------------------------------------------

_TOT_M3 = {
    "slug": "mo-hinh-kinh-doanh",
    "title": "Mô hình kinh doanh",
    "intro": (
        "Mô hình kinh doanh trả lời câu hỏi: doanh nghiệp tạo ra, trao và thu về giá trị "
        "như thế nào. Mô-đun này hướng dẫn sử dụng Bức tranh mô hình kinh doanh (Business "
        "Model Canvas), Bức tranh giải pháp giá trị (Value Proposition Canvas) và cách thiết "
        "kế sản phẩm khả thi tối thiểu (MVP) kèm các phép tính đơn giản về giá vốn và điểm "
        "hòa vốn — những công cụ giảng viên nguồn có thể dùng ngay với hộ kinh doanh, hợp tác "
        "xã và nhóm thanh niên."
    ),
    "lessons": [
        {
            "slug": "buc-tranh-mo-hinh-kinh-doanh",
            "title": "Bức tranh mô hình kinh doanh (Business Model Canvas)",
            "minutes": 90,
            "body": [
                ("heading", "Chín ô của Bức tranh mô hình kinh doanh"),
                (
                    "paragraph",
                    "<p>Bức tranh mô hình kinh doanh (Alexander Osterwalder) mô tả toàn bộ "
                    "doanh nghiệp trên một trang giấy với chín ô. Nên điền theo thứ tự sau, "
                    "mỗi ô trả lời một câu hỏi:</p>"
                    "<ol>"
                    "<li><b>Phân khúc khách hàng</b>: Chúng ta phục vụ ai? Ai là người trả "
                    "tiền, ai là người sử dụng?</li>"
                    "<li><b>Giải pháp giá trị</b>: Chúng ta giải quyết vấn đề gì, mang lại "
                    "lợi ích gì mà khách hàng chọn mình?</li>"
                    "<li><b>Kênh</b>: Khách hàng biết đến, mua và nhận sản phẩm qua đâu?</li>"
                    "<li><b>Quan hệ khách hàng</b>: Giữ chân khách hàng thế nào (tư vấn trực "
                    "tiếp, cộng đồng, chăm sóc sau bán)?</li>"
                    "<li><b>Dòng doanh thu</b>: Khách trả tiền cho cái gì, bằng cách nào, bao "
                    "nhiêu?</li>"
                    "<li><b>Nguồn lực chính</b>: Cần những tài sản gì (đất, nhà xưởng, công "
                    "thức, con người, thương hiệu)?</li>"
                    "<li><b>Hoạt động chính</b>: Phải làm tốt những việc gì?</li>"
                    "<li><b>Đối tác chính</b>: Ai cung cấp, hỗ trợ, cùng làm với mình?</li>"
                    "<li><b>Cơ cấu chi phí</b>: Chi phí lớn nhất là gì? Chi phí cố định và "
                    "chi phí biến đổi?</li>"
                    "</ol>"
                    "<p>Bên phải bức tranh (ô 1–5) là phần <b>thị trường</b>; bên trái (ô "
                    "6–9) là phần <b>vận hành</b>. Hai phần phải khớp với nhau.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "text": (
                            "Dùng giấy ghi chú (giấy nhớ) thay vì viết trực tiếp: mỗi ý một tờ, "
                            "dễ di chuyển và sửa. Mỗi phân khúc khách hàng dùng một màu giấy "
                            "để thấy rõ giải pháp giá trị nào dành cho ai."
                        ),
                    },
                ),
                (
                    "case_study",
                    {
                        "name": "Tổ hợp tác bánh tráng ở Đại Lộc",
                        "area": "Đại Lộc",
                        "summary": (
                            "<p>Tổ hợp tác gồm 12 hộ làm bánh tráng thủ công, trước đây bán "
                            "buôn cho thương lái với giá thấp. Khi vẽ bức tranh mô hình kinh "
                            "doanh, tổ nhận ra có hai phân khúc khác hẳn nhau: <b>thương lái</b> "
                            "(cần số lượng, giá rẻ) và <b>khách du lịch, người xa quê</b> (cần "
                            "bao bì đẹp, câu chuyện làng nghề, mua qua mạng).</p>"
                            "<p>Với phân khúc thứ hai, tổ thiết kế lại: giải pháp giá trị là "
                            "“bánh tráng làng nghề, phơi nắng, đóng gói hút chân không”; kênh "
                            "là cửa hàng đặc sản ở Hội An, Đà Nẵng và bán trực tuyến; đối tác "
                            "mới là đơn vị vận chuyển và một nhà thiết kế bao bì. Doanh thu "
                            "trên mỗi kg tăng, nhưng chi phí bao bì và vận chuyển cũng tăng — "
                            "tổ quyết định giữ cả hai phân khúc để ổn định dòng tiền.</p>"
                        ),
                        "takeaway": (
                            "Cùng một sản phẩm có thể có nhiều mô hình kinh doanh cho các phân "
                            "khúc khác nhau; mỗi phân khúc cần được vẽ và tính toán riêng."
                        ),
                    },
                ),
                (
                    "exercise",
                    {
                        "title": "Vẽ bức tranh mô hình kinh doanh cho một sản phẩm địa phương",
                        "instructions": (
                            "<p>Mỗi nhóm chọn một sản phẩm quen thuộc ở địa bàn (ví dụ: rau "
                            "Trà Quế, nước mắm, quế Trà My, lụa Duy Xuyên, tour trải nghiệm "
                            "nông nghiệp).</p>"
                            "<ol>"
                            "<li>Điền chín ô trên khung A0 theo thứ tự đã học (25 phút).</li>"
                            "<li>Dùng bút đỏ đánh dấu ba ô mà nhóm <b>ít chắc chắn nhất</b> — "
                            "đó là các giả định cần kiểm chứng.</li>"
                            "<li>Trình bày trong 3 phút; các nhóm khác đặt một câu hỏi về tính "
                            "khớp giữa bên trái và bên phải bức tranh.</li>"
                            "</ol>"
                        ),
                        "minutes": 40,
                    },
                ),
                (
                    "paragraph",
                    "<p><b>Danh sách kiểm tra một bức tranh tốt:</b></p>"
                    "<ul>"
                    "<li>Phân khúc khách hàng cụ thể (không ghi “mọi người”).</li>"
                    "<li>Mỗi giải pháp giá trị gắn với ít nhất một phân khúc.</li>"
                    "<li>Mỗi dòng doanh thu có người trả tiền rõ ràng.</li>"
                    "<li>Hoạt động và nguồn lực chính đủ để thực hiện giải pháp giá trị.</li>"
                    "<li>Chi phí lớn nhất đã được ước lượng bằng con số.</li>"
                    "</ul>",
                ),
            ],
            "guide": {
                "steps": [
                    {
                        "minutes": 10,
                        "activity": (
                            "Khởi động: hỏi “Một quán phở kiếm tiền như thế nào?” và phân tích "
                            "nhanh trên bảng để dẫn vào chín ô."
                        ),
                        "materials": "Bảng",
                    },
                    {
                        "minutes": 20,
                        "activity": "Trình bày chín ô, thứ tự điền và hai nửa của bức tranh.",
                        "materials": "Slide, khung bức tranh in A0",
                    },
                    {
                        "minutes": 10,
                        "activity": "Phân tích tình huống tổ hợp tác bánh tráng: vẽ hai bức tranh.",
                        "materials": "Phiếu tình huống",
                    },
                    {
                        "minutes": 45,
                        "activity": "Bài tập nhóm vẽ bức tranh và trình bày.",
                        "materials": "Khung A0, giấy ghi chú nhiều màu, bút dạ",
                    },
                    {
                        "minutes": 5,
                        "activity": "Tổng kết bằng danh sách kiểm tra.",
                        "materials": "",
                    },
                ],
                "notes": (
                    "<p>Lỗi phổ biến nhất là ghi phân khúc khách hàng quá rộng và nhầm giải "
                    "pháp giá trị với mô tả sản phẩm (“bánh tráng ngon”). Hỏi lại: “Ngon hơn "
                    "so với ai? Khách hàng được lợi gì cụ thể?”</p><p>Với lớp cán bộ, có thể "
                    "dùng bức tranh để phân tích một dịch vụ công (người dân là khách hàng) — "
                    "rất hiệu quả để giải thích tư duy lấy khách hàng làm trung tâm.</p>"
                ),
            },
        },
        {
            "slug": "giai-phap-gia-tri",
            "title": "Giải pháp giá trị: hiểu công việc, nỗi đau và lợi ích của khách hàng",
            "minutes": 75,
            "body": [
                ("heading", "Bức tranh giải pháp giá trị"),
                (
                    "paragraph",
                    "<p>Bức tranh giải pháp giá trị phóng to hai ô quan trọng nhất của mô hình "
                    "kinh doanh. Bên phải là <b>hồ sơ khách hàng</b>:</p>"
                    "<ul>"
                    "<li><b>Công việc cần làm</b>: khách hàng đang cố hoàn thành việc gì (chức "
                    "năng, cảm xúc, xã hội)? Ví dụ: “mua quà quê biếu sếp cho lịch sự”.</li>"
                    "<li><b>Nỗi đau</b>: điều gì gây khó chịu, rủi ro, tốn kém? Ví dụ: sợ mua "
                    "phải hàng giả, hàng không rõ nguồn gốc.</li>"
                    "<li><b>Lợi ích mong muốn</b>: điều gì làm khách hàng hài lòng, vượt kỳ "
                    "vọng? Ví dụ: hộp quà đẹp, có câu chuyện để kể khi tặng.</li>"
                    "</ul>"
                    "<p>Bên trái là <b>bản đồ giá trị</b>: <i>sản phẩm và dịch vụ</i>, "
                    "<i>yếu tố giảm đau</i>, <i>yếu tố tạo lợi ích</i>. Khi các yếu tố bên "
                    "trái đáp ứng được những nỗi đau và lợi ích <b>quan trọng nhất</b> bên "
                    "phải, ta có <b>sự phù hợp giữa sản phẩm và khách hàng</b>.</p>",
                ),
                (
                    "paragraph",
                    "<p><b>Mẫu câu giải pháp giá trị</b> (dùng khi thuyết trình hoặc viết "
                    "bao bì):</p>"
                    "<p><i>Sản phẩm của chúng tôi giúp [phân khúc khách hàng] [hoàn thành "
                    "công việc] bằng cách [giảm nỗi đau] và [tạo lợi ích], khác với [giải "
                    "pháp hiện có].</i></p>"
                    "<p>Ví dụ: “Túi quế Trà My tách sẵn giúp người nội trợ ở thành phố nấu "
                    "món ăn thơm đúng vị quê mà không phải mua cả bó, có mã truy xuất nguồn "
                    "gốc để yên tâm hàng thật, khác với quế không nhãn mác bán ở chợ.”</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "info",
                        "text": (
                            "Hãy xếp hạng nỗi đau và lợi ích theo mức độ quan trọng với khách "
                            "hàng (dựa trên phỏng vấn, không phải phỏng đoán). Giải quyết tốt "
                            "một nỗi đau lớn tốt hơn giải quyết qua loa mười nỗi đau nhỏ."
                        ),
                    },
                ),
                (
                    "case_study",
                    {
                        "name": "Cơ sở nước mắm truyền thống ven biển Thăng Bình",
                        "area": "Thăng Bình",
                        "summary": (
                            "<p>Cơ sở quảng bá nước mắm bằng “độ đạm cao”. Phỏng vấn khách hàng "
                            "ở Đà Nẵng cho thấy với người mua làm quà, nỗi đau lớn nhất là "
                            "<b>chai bị rò rỉ, có mùi khi vận chuyển</b> và <b>không biết sản "
                            "phẩm có an toàn không</b>. Cơ sở đổi sang chai thủy tinh có nắp "
                            "kín, màng co, hộp giấy chống sốc, in mã truy xuất nguồn gốc và kết "
                            "quả kiểm nghiệm. Lượng đơn quà tặng dịp Tết tăng rõ rệt dù giá cao "
                            "hơn.</p>"
                        ),
                        "takeaway": (
                            "Giá trị mà khách hàng trả tiền đôi khi nằm ở bao bì, độ tin cậy và "
                            "sự tiện lợi, không chỉ ở chất lượng lõi của sản phẩm."
                        ),
                    },
                ),
                (
                    "exercise",
                    {
                        "title": "Hoàn thành bức tranh giải pháp giá trị",
                        "instructions": (
                            "<p>Dùng lại sản phẩm nhóm đã chọn ở bài trước.</p>"
                            "<ol>"
                            "<li>Chọn <b>một</b> phân khúc khách hàng. Liệt kê ít nhất 3 công "
                            "việc, 5 nỗi đau, 5 lợi ích; xếp hạng từ quan trọng nhất.</li>"
                            "<li>Điền bản đồ giá trị: với 3 nỗi đau và 3 lợi ích đứng đầu, sản "
                            "phẩm đáp ứng bằng cách nào?</li>"
                            "<li>Viết một câu giải pháp giá trị theo mẫu, đọc to cho nhóm bên "
                            "cạnh; nhóm bạn chấm: rõ ràng (1–5), khác biệt (1–5).</li>"
                            "</ol>"
                        ),
                        "minutes": 35,
                    },
                ),
            ],
            "guide": {
                "steps": [
                    {
                        "minutes": 10,
                        "activity": (
                            "Hỏi: “Người ta mua mũi khoan vì cần mũi khoan hay cần lỗ trên "
                            "tường?” — dẫn vào khái niệm công việc cần làm."
                        ),
                        "materials": "",
                    },
                    {
                        "minutes": 15,
                        "activity": "Trình bày bức tranh giải pháp giá trị và mẫu câu.",
                        "materials": "Slide, khung bức tranh in A3",
                    },
                    {
                        "minutes": 10,
                        "activity": "Thảo luận tình huống nước mắm: nỗi đau nào bị bỏ qua?",
                        "materials": "Phiếu tình huống",
                    },
                    {
                        "minutes": 35,
                        "activity": "Bài tập nhóm và chấm chéo câu giải pháp giá trị.",
                        "materials": "Khung A3, giấy ghi chú, phiếu chấm",
                    },
                    {
                        "minutes": 5,
                        "activity": "Tổng kết: ba câu giải pháp giá trị hay nhất được đọc lại.",
                        "materials": "",
                    },
                ],
                "notes": (
                    "<p>Nhắc học viên rằng nỗi đau và lợi ích nên lấy từ kết quả phỏng vấn ở "
                    "mô-đun 2. Nếu chưa phỏng vấn, ghi rõ đó là giả định.</p><p>Tình huống "
                    "nước mắm là mô phỏng; có thể thay bằng sản phẩm quen thuộc hơn với học "
                    "viên ở địa bàn.</p>"
                ),
            },
        },
        {
            "slug": "san-pham-kha-thi-toi-thieu",
            "title": "Sản phẩm khả thi tối thiểu (MVP) và những con số cần biết",
            "minutes": 90,
            "body": [
                ("heading", "MVP: phiên bản nhỏ nhất để học được nhiều nhất"),
                (
                    "paragraph",
                    "<p><b>Sản phẩm khả thi tối thiểu</b> (Minimum Viable Product — MVP) là "
                    "phiên bản đơn giản nhất giúp kiểm chứng giả định quan trọng nhất với "
                    "khách hàng thật. MVP không phải là sản phẩm kém chất lượng; nó là sản "
                    "phẩm <b>ít tính năng</b> nhưng vẫn an toàn và mang lại giá trị cốt lõi.</p>"
                    "<p>Các dạng MVP thường dùng:</p>"
                    "<ul>"
                    "<li><b>Trang giới thiệu</b> (landing page, trang Facebook/Zalo) kèm nút "
                    "đặt trước — đo mức quan tâm.</li>"
                    "<li><b>Làm thủ công phía sau</b> (concierge): phục vụ từng khách bằng "
                    "tay trước khi tự động hóa.</li>"
                    "<li><b>“Phù thủy xứ Oz”</b>: khách hàng thấy một dịch vụ hoàn chỉnh, phía "
                    "sau là con người xử lý.</li>"
                    "<li><b>Lô sản xuất nhỏ/bán trước</b>: 50–100 sản phẩm bán cho khách thật, "
                    "thu phản hồi.</li>"
                    "<li><b>Bản mẫu</b> (mô hình giấy, bản vẽ, video mô phỏng).</li>"
                    "</ul>",
                ),
                (
                    "paragraph",
                    "<p><b>Những con số tối thiểu cần biết</b> cho mọi MVP:</p>"
                    "<ul>"
                    "<li><b>Giá vốn một đơn vị</b> = nguyên liệu + bao bì + nhân công trực tiếp "
                    "+ vận chuyển cho một đơn vị.</li>"
                    "<li><b>Lãi gộp một đơn vị</b> = giá bán − giá vốn một đơn vị.</li>"
                    "<li><b>Chi phí cố định mỗi tháng</b>: thuê mặt bằng, khấu hao máy móc, "
                    "lương cố định, phí phần mềm.</li>"
                    "<li><b>Sản lượng hòa vốn</b> = chi phí cố định ÷ lãi gộp một đơn vị.</li>"
                    "<li><b>Chi phí có một khách hàng</b> (CAC) = chi phí quảng cáo, bán hàng "
                    "÷ số khách hàng mới.</li>"
                    "</ul>"
                    "<p>Ví dụ: một hộp trà thảo mộc giá bán 80.000 đồng, giá vốn 45.000 đồng → "
                    "lãi gộp 35.000 đồng. Chi phí cố định 7.000.000 đồng/tháng → cần bán 200 "
                    "hộp/tháng để hòa vốn.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "text": (
                            "MVP với thực phẩm, dược liệu, mỹ phẩm vẫn phải bảo đảm an toàn và "
                            "tuân thủ quy định (điều kiện an toàn thực phẩm, công bố sản phẩm, "
                            "ghi nhãn). “Tối thiểu” là về tính năng, không phải về an toàn."
                        ),
                    },
                ),
                (
                    "case_study",
                    {
                        "name": "Dịch vụ trải nghiệm làm nông cho khách du lịch ở Hội An",
                        "area": "Hội An",
                        "summary": (
                            "<p>Một nhóm bạn trẻ muốn xây dựng nền tảng đặt tour trải nghiệm "
                            "nông nghiệp. Thay vì thuê lập trình ứng dụng, họ làm MVP trong hai "
                            "tuần: một trang giới thiệu với ảnh chụp, bảng giá và nút nhắn tin; "
                            "việc đặt chỗ, thanh toán và điều phối đều làm thủ công qua điện "
                            "thoại. Chi phí dưới 3 triệu đồng.</p>"
                            "<p>Sau một tháng có 38 lượt đặt, trong đó khách quốc tế chiếm đa "
                            "số và hay hỏi về dịch vụ đưa đón. Nhóm bổ sung đưa đón bằng xe "
                            "đạp điện và chỉ đầu tư phần mềm đặt chỗ khi lượng khách ổn định.</p>"
                        ),
                        "takeaway": (
                            "MVP tốt trả lời câu hỏi “có ai trả tiền không?” với chi phí thấp "
                            "nhất và chỉ ra điều cần làm tiếp."
                        ),
                    },
                ),
                (
                    "exercise",
                    {
                        "title": "Thiết kế MVP và tính điểm hòa vốn",
                        "instructions": (
                            "<p><b>Phần 1.</b> Với sản phẩm của nhóm, chọn giả định quan trọng "
                            "nhất (ô đỏ trên bức tranh mô hình kinh doanh) và thiết kế một MVP: "
                            "dạng MVP, chi phí, thời gian, chỉ số thành công.</p>"
                            "<p><b>Phần 2.</b> Tính: giá vốn một đơn vị, lãi gộp, chi phí cố "
                            "định tháng, sản lượng hòa vốn. Nếu sản lượng hòa vốn vượt quá khả "
                            "năng sản xuất hoặc bán, nhóm đề xuất ba cách điều chỉnh (giá, chi "
                            "phí, kênh).</p>"
                        ),
                        "minutes": 35,
                    },
                ),
            ],
            "guide": {
                "steps": [
                    {
                        "minutes": 10,
                        "activity": (
                            "Vẽ hình minh họa MVP kinh điển (từ ván trượt → xe đạp → xe máy → ô tô) và hỏi lớp ý nghĩa."
                        ),
                        "materials": "Hình minh họa",
                    },
                    {
                        "minutes": 20,
                        "activity": ("Trình bày các dạng MVP và các con số cơ bản; làm ví dụ tính hòa vốn."),
                        "materials": "Slide, máy tính cầm tay",
                    },
                    {
                        "minutes": 10,
                        "activity": "Thảo luận tình huống trải nghiệm làm nông ở Hội An.",
                        "materials": "Phiếu tình huống",
                    },
                    {
                        "minutes": 40,
                        "activity": "Bài tập nhóm thiết kế MVP và tính hòa vốn; chữa hai nhóm.",
                        "materials": "Phiếu bài tập, máy tính cầm tay",
                    },
                    {
                        "minutes": 10,
                        "activity": "Tổng kết mô-đun và giới thiệu bài kiểm tra.",
                        "materials": "",
                    },
                ],
                "notes": (
                    "<p>Nhiều học viên quên tính công lao động của chính mình và chi phí bao "
                    "bì, vận chuyển. Hãy hỏi: “Nếu thuê người làm thay anh/chị thì trả bao "
                    "nhiêu?”</p><p>Không cần đi sâu vào kế toán; mục tiêu là học viên tự tính "
                    "được hòa vốn và hiểu vì sao giá bán quá thấp là rủi ro.</p>"
                ),
            },
        },
    ],
    "quiz": {
        "slug": "kiem-tra-mo-hinh-kinh-doanh",
        "title": "Kiểm tra mô-đun 3: Mô hình kinh doanh",
        "pass_mark": 70,
        "questions": [
            {
                "kind": "single",
                "text": "Khi điền Bức tranh mô hình kinh doanh, nên bắt đầu từ ô nào?",
                "explanation": (
                    "Nên bắt đầu từ phân khúc khách hàng và giải pháp giá trị, vì các ô còn lại "
                    "đều phục vụ việc trao giá trị cho khách hàng cụ thể."
                ),
                "choices": [
                    {"text": "Cơ cấu chi phí", "correct": False},
                    {"text": "Phân khúc khách hàng", "correct": True},
                    {"text": "Đối tác chính", "correct": False},
                    {"text": "Nguồn lực chính", "correct": False},
                ],
            },
            {
                "kind": "single",
                "text": (
                    "Một sản phẩm có giá bán 80.000 đồng, giá vốn 45.000 đồng/đơn vị, chi phí cố "
                    "định 7.000.000 đồng/tháng. Sản lượng hòa vốn mỗi tháng là bao nhiêu?"
                ),
                "explanation": (
                    "Lãi gộp mỗi đơn vị = 80.000 − 45.000 = 35.000 đồng. Sản lượng hòa vốn = "
                    "7.000.000 ÷ 35.000 = 200 đơn vị."
                ),
                "choices": [
                    {"text": "88 đơn vị", "correct": False},
                    {"text": "156 đơn vị", "correct": False},
                    {"text": "200 đơn vị", "correct": True},
                    {"text": "350 đơn vị", "correct": False},
                ],
            },
            {
                "kind": "multiple",
                "text": "Những cách nào dưới đây là MVP hợp lý? (Chọn tất cả đáp án đúng)",
                "explanation": (
                    "Trang giới thiệu có nút đặt trước, làm thủ công phía sau và bán thử lô nhỏ "
                    "đều kiểm chứng được nhu cầu với chi phí thấp. Xây nhà xưởng lớn trước khi "
                    "có khách hàng không phải là MVP."
                ),
                "choices": [
                    {"text": "Trang giới thiệu có nút đặt trước", "correct": True},
                    {"text": "Phục vụ thủ công từng khách trước khi tự động hóa", "correct": True},
                    {"text": "Xây nhà xưởng 2 tỷ đồng rồi mới tìm khách hàng", "correct": False},
                    {"text": "Sản xuất thử 50 sản phẩm bán cho khách thật", "correct": True},
                ],
            },
            {
                "kind": "true_false",
                "text": "MVP cho phép bỏ qua các quy định về an toàn thực phẩm vì chỉ là bản thử.",
                "explanation": (
                    "Sai. “Tối thiểu” là về số tính năng; sản phẩm đến tay khách hàng vẫn phải "
                    "an toàn và tuân thủ quy định."
                ),
                "choices": [
                    {"text": "Đúng", "correct": False},
                    {"text": "Sai", "correct": True},
                ],
            },
            {
                "kind": "true_false",
                "text": (
                    "Trong Bức tranh giải pháp giá trị, “nỗi đau” là những điều gây khó chịu, rủi "
                    "ro hoặc tốn kém cho khách hàng khi thực hiện công việc của họ."
                ),
                "explanation": (
                    "Đúng. Nỗi đau thuộc hồ sơ khách hàng, cùng với công việc cần làm và lợi ích mong muốn."
                ),
                "choices": [
                    {"text": "Đúng", "correct": True},
                    {"text": "Sai", "correct": False},
                ],
            },
        ],
    },
}

# ---------------------------------------------------------------------------
# Mô-đun 4: Gọi vốn và nhà đầu tư
# ---------------------------------------------------------------------------

_TOT_M4 = {
    "slug": "goi-von-va-nha-dau-tu",
    "title": "Gọi vốn và nhà đầu tư",
    "intro": (
        "Mô-đun giúp giảng viên nguồn giải thích rõ các giai đoạn gọi vốn, phân biệt nguồn "
        "vốn phù hợp với từng loại dự án (vốn tự có, vay, tài trợ, đầu tư thiên thần, quỹ "
        "đầu tư mạo hiểm), hiểu những khái niệm cơ bản về cổ phần và pha loãng, và hướng "
        "dẫn người khởi nghiệp chuẩn bị bộ hồ sơ gọi vốn cùng bài thuyết trình ngắn. Mô-đun "
        "cũng trang bị kiến thức để nhận diện các hình thức “gọi vốn” lừa đảo."
    ),
    "lessons": [
        {
            "slug": "cac-giai-doan-va-nguon-von",
            "title": "Các giai đoạn gọi vốn và nguồn vốn phù hợp",
            "minutes": 75,
            "body": [
                ("heading", "Vốn nào cho giai đoạn nào?"),
                (
                    "paragraph",
                    "<p>Dự án khởi nghiệp thường đi qua các giai đoạn sau; mỗi giai đoạn có "
                    "nguồn vốn phù hợp riêng:</p>"
                    "<ol>"
                    "<li><b>Ý tưởng – tiền ươm tạo</b>: vốn tự có, gia đình và bạn bè, giải "
                    "thưởng cuộc thi, tài trợ nhỏ. Mục đích: phỏng vấn khách hàng, làm MVP.</li>"
                    "<li><b>Hạt giống (seed)</b>: nhà đầu tư thiên thần, chương trình ươm tạo "
                    "và tăng tốc, quỹ hỗ trợ khởi nghiệp. Mục đích: có khách hàng trả tiền đầu "
                    "tiên, hoàn thiện sản phẩm.</li>"
                    "<li><b>Tăng trưởng sớm (Series A)</b>: quỹ đầu tư mạo hiểm. Điều kiện: đã "
                    "chứng minh được mô hình kinh doanh, số liệu tăng trưởng ổn định.</li>"
                    "<li><b>Mở rộng (Series B trở đi)</b>: quỹ lớn, nhà đầu tư chiến lược, "
                    "vay ngân hàng thương mại.</li>"
                    "</ol>",
                ),
                (
                    "paragraph",
                    "<p><b>Bản đồ nguồn vốn</b> cần giới thiệu cho người học ở địa phương:</p>"
                    "<ul>"
                    "<li><b>Vốn tự có và tự thân vận động</b> (bootstrapping): dùng doanh thu "
                    "để phát triển — phù hợp với đa số hộ kinh doanh, chủ thể OCOP.</li>"
                    "<li><b>Vốn vay ưu đãi</b>: Ngân hàng Chính sách xã hội (chương trình cho "
                    "vay hỗ trợ tạo việc làm), quỹ bảo lãnh tín dụng, Quỹ Phát triển doanh "
                    "nghiệp nhỏ và vừa, các chương trình tín dụng qua tổ chức hội.</li>"
                    "<li><b>Tài trợ không hoàn lại và giải thưởng</b>: các chương trình thuộc "
                    "Đề án 844, quỹ phát triển khoa học và công nghệ, Quỹ Đổi mới công nghệ "
                    "quốc gia, cuộc thi khởi nghiệp, tổ chức quốc tế. Thường kèm điều kiện "
                    "và báo cáo.</li>"
                    "<li><b>Vốn đầu tư</b> (đổi lấy cổ phần): nhà đầu tư thiên thần, quỹ đầu "
                    "tư khởi nghiệp sáng tạo, quỹ của doanh nghiệp lớn.</li>"
                    "</ul>",
                ),
                (
                    "callout",
                    {
                        "kind": "info",
                        "text": (
                            "Nhà đầu tư mạo hiểm chỉ phù hợp với dự án có khả năng tăng trưởng "
                            "rất nhanh và quy mô thị trường lớn, vì họ kỳ vọng một số ít khoản "
                            "đầu tư thành công bù cho nhiều khoản thất bại. Phần lớn dự án ở địa "
                            "phương phù hợp hơn với vốn tự có, vốn vay ưu đãi và tài trợ."
                        ),
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "text": (
                            "Cảnh giác với các mô hình “gọi vốn” hứa lợi nhuận cố định rất cao, "
                            "trả thưởng khi giới thiệu người mới, hoặc huy động tiền từ đông "
                            "người không có giấy phép — đây là dấu hiệu đa cấp biến tướng hoặc "
                            "lừa đảo. Gọi vốn cộng đồng dưới dạng cổ phần chưa có khung pháp lý "
                            "đầy đủ ở Việt Nam; cần tham vấn luật sư trước khi thực hiện."
                        ),
                    },
                ),
                (
                    "case_study",
                    {
                        "name": "Hợp tác xã quế ở Trà My chọn nguồn vốn",
                        "area": "Bắc Trà My",
                        "summary": (
                            "<p>Hợp tác xã cần khoảng 800 triệu đồng để đầu tư lò sấy và máy "
                            "cắt, đóng gói quế. Một người quen giới thiệu nhà đầu tư muốn góp "
                            "vốn đổi lấy 40% hợp tác xã. Sau khi được tư vấn, ban quản trị nhận "
                            "ra nhu cầu vốn là <b>tài sản cố định</b>, dòng tiền ổn định từ hợp "
                            "đồng bán hàng sẵn có — phù hợp với <b>vốn vay</b> hơn là bán phần "
                            "sở hữu. Hợp tác xã kết hợp vay ưu đãi, vốn góp của thành viên và "
                            "hồ sơ đề nghị hỗ trợ đổi mới công nghệ theo chương trình của địa "
                            "phương.</p>"
                        ),
                        "takeaway": (
                            "Chọn nguồn vốn theo mục đích sử dụng và khả năng tạo dòng tiền; "
                            "không phải cứ có nhà đầu tư là tốt."
                        ),
                    },
                ),
                (
                    "exercise",
                    {
                        "title": "Ghép dự án với nguồn vốn",
                        "instructions": (
                            "<p>Nhóm nhận 6 thẻ dự án (ví dụ: sinh viên có ý tưởng ứng dụng học "
                            "tiếng Anh cho trẻ vùng cao; hộ nuôi ong muốn mua 100 thùng ong; "
                            "nhóm kỹ sư có thiết bị cảm biến nông nghiệp đã bán được 200 bộ...). "
                            "Với mỗi dự án, xác định: giai đoạn hiện tại; nguồn vốn phù hợp "
                            "nhất; nguồn vốn <b>không nên</b> dùng và vì sao; một điều kiện cần "
                            "chuẩn bị trước khi tiếp cận nguồn vốn đó.</p>"
                        ),
                        "minutes": 25,
                    },
                ),
            ],
            "guide": {
                "steps": [
                    {
                        "minutes": 5,
                        "activity": ("Khảo sát nhanh: “Nếu cần 200 triệu đồng để bắt đầu, anh/chị tìm ở đâu?”"),
                        "materials": "Giấy ghi chú",
                    },
                    {
                        "minutes": 20,
                        "activity": ("Trình bày các giai đoạn và bản đồ nguồn vốn; cảnh báo lừa đảo."),
                        "materials": "Slide, bảng so sánh nguồn vốn",
                    },
                    {
                        "minutes": 15,
                        "activity": "Thảo luận tình huống hợp tác xã quế: vì sao không nhận 40%?",
                        "materials": "Phiếu tình huống",
                    },
                    {
                        "minutes": 30,
                        "activity": "Bài tập ghép dự án với nguồn vốn; chữa chung.",
                        "materials": "Bộ 6 thẻ dự án",
                    },
                    {
                        "minutes": 5,
                        "activity": "Tổng kết.",
                        "materials": "",
                    },
                ],
                "notes": (
                    "<p>Chuẩn bị thông tin cập nhật về các chương trình vốn vay ưu đãi và tài "
                    "trợ đang mở ở địa phương (điều kiện, đầu mối). Không cam kết thay cơ quan "
                    "cho vay.</p><p>Nếu học viên hỏi về các “dự án đầu tư” đang lan truyền ở "
                    "địa phương, hướng dẫn họ kiểm tra giấy phép và báo cơ quan chức năng khi có "
                    "dấu hiệu lừa đảo; không nhận xét về tổ chức cụ thể trong lớp.</p>"
                ),
            },
        },
        {
            "slug": "co-phan-dinh-gia-va-pha-loang",
            "title": "Cổ phần, định giá và pha loãng: những điều cơ bản",
            "minutes": 90,
            "body": [
                ("heading", "Nhà đầu tư nhận gì khi rót vốn?"),
                (
                    "paragraph",
                    "<p>Khi nhận vốn đầu tư, nhà sáng lập <b>bán một phần quyền sở hữu</b> "
                    "doanh nghiệp. Các khái niệm cần nắm:</p>"
                    "<ul>"
                    "<li><b>Định giá trước đầu tư</b> (pre-money): giá trị doanh nghiệp do hai "
                    "bên thỏa thuận trước khi nhận vốn.</li>"
                    "<li><b>Định giá sau đầu tư</b> (post-money) = định giá trước + số vốn đầu "
                    "tư.</li>"
                    "<li><b>Tỷ lệ sở hữu của nhà đầu tư</b> = số vốn đầu tư ÷ định giá sau.</li>"
                    "<li><b>Pha loãng</b>: tỷ lệ sở hữu của cổ đông cũ giảm khi phát hành cổ "
                    "phần mới, dù giá trị phần sở hữu có thể tăng.</li>"
                    "<li><b>Bảng phân chia vốn</b> (cap table): bảng ghi ai sở hữu bao nhiêu "
                    "cổ phần sau mỗi vòng.</li>"
                    "</ul>",
                ),
                (
                    "paragraph",
                    "<p><b>Ví dụ tính toán.</b> Hai nhà sáng lập sở hữu 50% – 50%. Nhà đầu tư "
                    "thiên thần rót 2 tỷ đồng với định giá trước 8 tỷ đồng.</p>"
                    "<ul>"
                    "<li>Định giá sau = 8 + 2 = 10 tỷ đồng; nhà đầu tư sở hữu 2 ÷ 10 = "
                    "<b>20%</b>.</li>"
                    "<li>Mỗi nhà sáng lập còn 50% × 80% = <b>40%</b>, nhưng phần sở hữu trị giá "
                    "4 tỷ đồng theo định giá mới.</li>"
                    "</ul>"
                    "<p>Vòng sau, quỹ đầu tư rót 10 tỷ đồng với định giá trước 30 tỷ đồng → "
                    "định giá sau 40 tỷ, quỹ sở hữu 25%. Các cổ đông cũ bị pha loãng với hệ số "
                    "75%: mỗi nhà sáng lập còn 30%, nhà đầu tư thiên thần còn 15%.</p>",
                ),
                (
                    "paragraph",
                    "<p><b>Những thỏa thuận nhà sáng lập cần có từ sớm:</b></p>"
                    "<ul>"
                    "<li><b>Thỏa thuận giữa các nhà sáng lập</b>: tỷ lệ sở hữu, vai trò, thời "
                    "gian cam kết, cách xử lý khi một người rời đi.</li>"
                    "<li><b>Cơ chế nhận cổ phần theo thời gian</b> (vesting): cổ phần được "
                    "“nhận dần” trong 3–4 năm, thường có mốc tối thiểu 1 năm (cliff), để tránh "
                    "người rời đi sớm vẫn giữ nhiều cổ phần.</li>"
                    "<li><b>Quỹ cổ phần cho nhân sự chủ chốt</b> (ESOP) để thu hút người giỏi.</li>"
                    "<li><b>Loại hình doanh nghiệp</b>: công ty cổ phần thuận lợi nhất cho "
                    "việc phát hành cổ phần mới; công ty TNHH có phần vốn góp, chuyển nhượng "
                    "và tiếp nhận thành viên mới phức tạp hơn.</li>"
                    "</ul>",
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "text": (
                            "Các công cụ đầu tư phổ biến trên thế giới như SAFE hay khoản vay "
                            "chuyển đổi cần được luật sư điều chỉnh cho phù hợp với pháp luật "
                            "Việt Nam (Luật Doanh nghiệp, Luật Đầu tư, quy định ngoại hối nếu "
                            "nhà đầu tư nước ngoài). Không ký bản dịch mẫu hợp đồng nước ngoài "
                            "khi chưa được tư vấn."
                        ),
                    },
                ),
                (
                    "case_study",
                    {
                        "name": "Ba người bạn mở công ty phần mềm du lịch ở Hội An",
                        "area": "Hội An",
                        "summary": (
                            "<p>Ba người bạn chia đều 33% cổ phần ngay từ đầu mà không có thỏa "
                            "thuận bằng văn bản. Sau 8 tháng, một người rời nhóm đi làm ở nơi "
                            "khác nhưng vẫn giữ nguyên cổ phần. Khi gọi vốn, nhà đầu tư e ngại vì "
                            "một phần ba công ty thuộc về người không còn đóng góp; việc mua lại "
                            "cổ phần kéo dài nhiều tháng và làm lỡ cơ hội đầu tư.</p>"
                        ),
                        "takeaway": (
                            "Thỏa thuận sáng lập và cơ chế nhận cổ phần theo thời gian nên được "
                            "ký khi quan hệ còn tốt — không phải khi đã có mâu thuẫn."
                        ),
                    },
                ),
                (
                    "exercise",
                    {
                        "title": "Lập bảng phân chia vốn qua hai vòng",
                        "instructions": (
                            "<p>Dự án có ba nhà sáng lập với tỷ lệ 50% – 30% – 20%.</p>"
                            "<ol>"
                            "<li>Vòng hạt giống: nhà đầu tư thiên thần rót 1,5 tỷ đồng, định "
                            "giá trước 6 tỷ đồng. Tính định giá sau và tỷ lệ của mọi cổ đông.</li>"
                            "<li>Vòng A: quỹ rót 8 tỷ đồng, định giá trước 24 tỷ đồng. Lập lại "
                            "bảng phân chia vốn.</li>"
                            "<li>Thảo luận: nhà sáng lập thứ nhất có còn nắm quyền chi phối "
                            "(trên 50%) không? Điều này quan trọng thế nào?</li>"
                            "</ol>"
                        ),
                        "minutes": 30,
                    },
                ),
            ],
            "guide": {
                "steps": [
                    {
                        "minutes": 10,
                        "activity": (
                            "Minh họa bằng chiếc bánh: cắt bánh cho nhiều người hơn nhưng bánh "
                            "to lên — miếng nhỏ hơn về tỷ lệ nhưng lớn hơn về giá trị."
                        ),
                        "materials": "Hình vẽ chiếc bánh",
                    },
                    {
                        "minutes": 25,
                        "activity": ("Trình bày khái niệm và ví dụ hai vòng; làm mẫu trên bảng tính."),
                        "materials": "Slide, bảng tính mẫu",
                    },
                    {
                        "minutes": 10,
                        "activity": "Thảo luận tình huống ba người bạn ở Hội An.",
                        "materials": "Phiếu tình huống",
                    },
                    {
                        "minutes": 35,
                        "activity": "Bài tập bảng phân chia vốn theo cặp; chữa chung.",
                        "materials": "Phiếu bài tập, máy tính cầm tay",
                    },
                    {
                        "minutes": 10,
                        "activity": "Hỏi đáp về thỏa thuận sáng lập và loại hình doanh nghiệp.",
                        "materials": "",
                    },
                ],
                "notes": (
                    "<p>Đáp án bài tập: vòng hạt giống định giá sau 7,5 tỷ, nhà đầu tư 20%, "
                    "các nhà sáng lập 40% – 24% – 16%. Vòng A định giá sau 32 tỷ, quỹ 25%, hệ "
                    "số pha loãng 75%: sáng lập 30% – 18% – 12%, nhà đầu tư thiên thần 15%. Nhà "
                    "sáng lập thứ nhất mất quyền chi phối ngay từ vòng hạt giống.</p><p>Đây là "
                    "bài học kiến thức nền, không phải tư vấn pháp lý. Khuyến khích học viên "
                    "tìm luật sư, cố vấn khi thực sự đàm phán.</p>"
                ),
            },
        },
        {
            "slug": "ho-so-goi-von-va-thuyet-trinh",
            "title": "Bộ hồ sơ gọi vốn (pitch deck) và thuyết trình",
            "minutes": 90,
            "body": [
                ("heading", "Mười trang chiếu của một bộ hồ sơ gọi vốn"),
                (
                    "paragraph",
                    "<p>Bộ hồ sơ gọi vốn nên ngắn gọn, khoảng 10–12 trang, theo trình tự:</p>"
                    "<ol>"
                    "<li><b>Vấn đề</b>: ai gặp vấn đề gì, nghiêm trọng ra sao (có số liệu).</li>"
                    "<li><b>Giải pháp</b>: sản phẩm giải quyết vấn đề thế nào.</li>"
                    "<li><b>Thị trường</b>: quy mô thị trường tổng thể, thị trường có thể "
                    "phục vụ, thị trường có thể chiếm được trong 3–5 năm.</li>"
                    "<li><b>Sản phẩm</b>: hình ảnh, bản demo.</li>"
                    "<li><b>Mô hình kinh doanh</b>: thu tiền từ ai, bao nhiêu, lãi gộp.</li>"
                    "<li><b>Lực kéo</b> (traction): khách hàng, doanh thu, tốc độ tăng trưởng, "
                    "hợp đồng — bằng chứng quan trọng nhất.</li>"
                    "<li><b>Đối thủ và lợi thế cạnh tranh</b>: trung thực, không nói “không có "
                    "đối thủ”.</li>"
                    "<li><b>Đội ngũ</b>: vì sao nhóm này làm được.</li>"
                    "<li><b>Tài chính</b>: kết quả hiện tại và dự báo 3 năm với giả định rõ "
                    "ràng.</li>"
                    "<li><b>Số vốn cần gọi và mục đích sử dụng</b>: bao nhiêu, dùng vào việc "
                    "gì, đạt mốc nào.</li>"
                    "</ol>",
                ),
                (
                    "paragraph",
                    "<p><b>Thuyết trình 3 phút</b> (thường gặp ở Ngày hội khởi nghiệp):</p>"
                    "<ul>"
                    "<li>30 giây đầu: một câu chuyện hoặc con số gây chú ý về vấn đề.</li>"
                    "<li>90 giây giữa: giải pháp, mô hình, lực kéo.</li>"
                    "<li>60 giây cuối: đội ngũ, đề nghị cụ thể (“Chúng tôi cần 1,5 tỷ đồng để "
                    "mở rộng ra 3 tỉnh trong 18 tháng”).</li>"
                    "</ul>"
                    "<p><b>Chuẩn bị cho phần hỏi đáp</b>: liệt kê 10 câu hỏi khó nhất (về đối "
                    "thủ, chi phí có khách hàng, rủi ro pháp lý, vì sao nhóm sẽ không bỏ cuộc) "
                    "và tập trả lời ngắn gọn, trung thực.</p>",
                ),
                (
                    "paragraph",
                    "<p><b>Thẩm định</b> (due diligence): sau vòng thuyết trình, nhà đầu tư "
                    "nghiêm túc sẽ kiểm tra giấy đăng ký doanh nghiệp, điều lệ, sổ cổ đông, "
                    "báo cáo tài chính, hợp đồng chính, quyền sở hữu trí tuệ, giấy phép chuyên "
                    "ngành, tranh chấp (nếu có). Hãy chuẩn bị một “phòng dữ liệu” (thư mục) "
                    "sắp xếp sẵn các tài liệu này.</p>",
                ),
                (
                    "case_study",
                    {
                        "name": "Nhóm chế biến dược liệu ở Nam Trà My tại vòng gọi vốn",
                        "area": "Nam Trà My",
                        "summary": (
                            "<p>Nhóm khởi nghiệp chế biến sản phẩm từ dược liệu vùng núi trình "
                            "bày rất cảm xúc về giá trị của cây dược liệu và cộng đồng đồng bào "
                            "dân tộc. Ban giám khảo đặt ba câu hỏi mà nhóm chưa trả lời được: "
                            "nguồn giống và nguyên liệu có giấy tờ chứng minh nguồn gốc hợp pháp "
                            "không; sản phẩm đã được công bố và kiểm nghiệm chưa; đã có bao nhiêu "
                            "khách hàng mua lại.</p>"
                            "<p>Sau sáu tháng, nhóm quay lại với hồ sơ truy xuất nguồn gốc từ "
                            "vùng trồng, kết quả kiểm nghiệm, 120 khách hàng mua lặp lại và hợp "
                            "đồng với hai nhà thuốc — và nhận được vốn từ một nhà đầu tư thiên "
                            "thần.</p>"
                        ),
                        "takeaway": (
                            "Câu chuyện chỉ mở cửa; lực kéo và hồ sơ pháp lý minh bạch mới "
                            "thuyết phục nhà đầu tư, nhất là với đặc sản có giá trị cao và dễ bị "
                            "làm giả."
                        ),
                    },
                ),
                (
                    "exercise",
                    {
                        "title": "Thuyết trình 3 phút và chấm theo tiêu chí",
                        "instructions": (
                            "<p>Mỗi nhóm chuẩn bị thuyết trình 3 phút cho dự án đã phát triển ở "
                            "mô-đun 3 (15 phút chuẩn bị). Các nhóm khác đóng vai nhà đầu tư, chấm "
                            "theo thang 1–5 cho năm tiêu chí: vấn đề rõ ràng; giải pháp khác "
                            "biệt; bằng chứng lực kéo; đội ngũ phù hợp; đề nghị gọi vốn cụ thể. "
                            "Mỗi nhóm nhà đầu tư đặt một câu hỏi khó trong 1 phút.</p>"
                        ),
                        "minutes": 45,
                    },
                ),
            ],
            "guide": {
                "steps": [
                    {
                        "minutes": 10,
                        "activity": ("Chiếu một video thuyết trình gọi vốn mẫu (3 phút), cả lớp nhận xét."),
                        "materials": "Video mẫu, máy chiếu, loa",
                    },
                    {
                        "minutes": 20,
                        "activity": "Trình bày cấu trúc 10 trang, thuyết trình 3 phút, thẩm định.",
                        "materials": "Slide, mẫu bộ hồ sơ gọi vốn",
                    },
                    {
                        "minutes": 10,
                        "activity": "Thảo luận tình huống nhóm dược liệu ở Nam Trà My.",
                        "materials": "Phiếu tình huống",
                    },
                    {
                        "minutes": 45,
                        "activity": "Chuẩn bị và thuyết trình theo nhóm; chấm theo tiêu chí.",
                        "materials": "Phiếu chấm 5 tiêu chí, đồng hồ bấm giờ",
                    },
                    {
                        "minutes": 5,
                        "activity": "Tổng kết mô-đun, công bố nhóm có điểm cao nhất.",
                        "materials": "",
                    },
                ],
                "notes": (
                    "<p>Giữ nghiêm thời gian 3 phút — đây là kỹ năng quan trọng khi thi ở Ngày "
                    "hội khởi nghiệp. Dùng thẻ báo “còn 30 giây”.</p><p>Khi góp ý, tập trung vào "
                    "bằng chứng: “Con số này lấy từ đâu?” Khuyến khích nhóm nói “chúng tôi chưa "
                    "biết, sẽ kiểm chứng bằng cách...” thay vì đoán.</p>"
                ),
            },
        },
    ],
    "quiz": {
        "slug": "kiem-tra-goi-von",
        "title": "Kiểm tra mô-đun 4: Gọi vốn và nhà đầu tư",
        "pass_mark": 70,
        "questions": [
            {
                "kind": "single",
                "text": (
                    "Nhà đầu tư rót 2 tỷ đồng với định giá trước đầu tư 8 tỷ đồng. Nhà đầu tư sở "
                    "hữu bao nhiêu phần trăm công ty?"
                ),
                "explanation": "Định giá sau = 8 + 2 = 10 tỷ đồng. Tỷ lệ = 2 ÷ 10 = 20%.",
                "choices": [
                    {"text": "25%", "correct": False},
                    {"text": "20%", "correct": True},
                    {"text": "16%", "correct": False},
                    {"text": "80%", "correct": False},
                ],
            },
            {
                "kind": "multiple",
                "text": "Những dấu hiệu nào cho thấy một lời mời “đầu tư” có thể là lừa đảo?",
                "explanation": (
                    "Cam kết lợi nhuận cố định rất cao, thưởng khi kéo thêm người và huy động "
                    "tiền từ đông người không có giấy phép là các dấu hiệu điển hình."
                ),
                "choices": [
                    {"text": "Cam kết lợi nhuận cố định rất cao mỗi tháng", "correct": True},
                    {"text": "Trả thưởng khi giới thiệu thêm người tham gia", "correct": True},
                    {"text": "Yêu cầu thẩm định hồ sơ pháp lý của doanh nghiệp", "correct": False},
                    {"text": "Huy động tiền từ đông người mà không có giấy phép", "correct": True},
                ],
            },
            {
                "kind": "single",
                "text": "Trong bộ hồ sơ gọi vốn, phần nào thường là bằng chứng thuyết phục nhất?",
                "explanation": (
                    "Lực kéo (khách hàng, doanh thu, tăng trưởng, hợp đồng) chứng minh thị trường thật sự cần sản phẩm."
                ),
                "choices": [
                    {"text": "Lời cảm ơn", "correct": False},
                    {"text": "Lực kéo: khách hàng, doanh thu, tăng trưởng", "correct": True},
                    {"text": "Logo và màu sắc thiết kế", "correct": False},
                    {"text": "Khẳng định “chúng tôi không có đối thủ”", "correct": False},
                ],
            },
            {
                "kind": "true_false",
                "text": (
                    "Cơ chế nhận cổ phần theo thời gian (vesting) giúp tránh trường hợp nhà sáng "
                    "lập rời đi sớm nhưng vẫn giữ nhiều cổ phần."
                ),
                "explanation": (
                    "Đúng. Cổ phần được nhận dần theo thời gian gắn bó, thường 3–4 năm với mốc tối thiểu 1 năm."
                ),
                "choices": [
                    {"text": "Đúng", "correct": True},
                    {"text": "Sai", "correct": False},
                ],
            },
            {
                "kind": "true_false",
                "text": "Mọi dự án khởi nghiệp đều nên gọi vốn từ quỹ đầu tư mạo hiểm.",
                "explanation": (
                    "Sai. Quỹ đầu tư mạo hiểm chỉ phù hợp với dự án tăng trưởng rất nhanh, thị "
                    "trường lớn; nhiều dự án phù hợp hơn với vốn tự có, vay ưu đãi hoặc tài trợ."
                ),
                "choices": [
                    {"text": "Đúng", "correct": False},
                    {"text": "Sai", "correct": True},
                ],
            },
        ],
    },
}

# ---------------------------------------------------------------------------
# Mô-đun 5: Khởi nghiệp từ kết quả nghiên cứu
# ---------------------------------------------------------------------------

_TOT_M5 = {
    "slug": "khoi-nghiep-tu-ket-qua-nghien-cuu",
    "title": "Khởi nghiệp từ kết quả nghiên cứu",
    "intro": (
        "Nhiều kết quả nghiên cứu trong trường đại học, viện nghiên cứu và các đề tài khoa "
        "học cấp tỉnh có tiềm năng trở thành sản phẩm nhưng dừng lại ở báo cáo nghiệm thu. "
        "Mô-đun này giới thiệu các con đường thương mại hóa, cách đánh giá mức độ sẵn sàng "
        "của công nghệ, những điều cốt lõi về sở hữu trí tuệ, và cách hình thành doanh "
        "nghiệp spin-off hoặc chuyển giao công nghệ một cách minh bạch."
    ),
    "lessons": [
        {
            "slug": "thuong-mai-hoa-ket-qua-nghien-cuu",
            "title": "Từ phòng thí nghiệm ra thị trường",
            "minutes": 75,
            "body": [
                ("heading", "Thương mại hóa kết quả nghiên cứu là gì?"),
                (
                    "paragraph",
                    "<p>Thương mại hóa là quá trình đưa kết quả nghiên cứu (quy trình, thiết "
                    "bị, giống, chế phẩm, phần mềm...) thành sản phẩm, dịch vụ được thị trường "
                    "trả tiền. Có năm con đường chính:</p>"
                    "<ol>"
                    "<li><b>Cấp phép (li-xăng)</b>: cho doanh nghiệp quyền sử dụng công nghệ, "
                    "thu phí một lần hoặc theo doanh thu.</li>"
                    "<li><b>Chuyển nhượng</b>: bán hẳn quyền sở hữu công nghệ.</li>"
                    "<li><b>Doanh nghiệp spin-off</b>: nhà nghiên cứu cùng tổ chức chủ trì lập "
                    "doanh nghiệp mới để khai thác công nghệ.</li>"
                    "<li><b>Hợp tác nghiên cứu, đặt hàng</b>: doanh nghiệp đặt hàng và cùng "
                    "phát triển tiếp.</li>"
                    "<li><b>Dịch vụ khoa học và công nghệ</b>: tư vấn, phân tích, kiểm nghiệm "
                    "dựa trên năng lực nghiên cứu.</li>"
                    "</ol>",
                ),
                (
                    "paragraph",
                    "<p><b>Mức độ sẵn sàng công nghệ (TRL)</b> là thang 9 bậc giúp trả lời "
                    "“công nghệ đã đi được bao xa?”:</p>"
                    "<ul>"
                    "<li><b>TRL 1–3</b>: nguyên lý cơ bản, ý tưởng công nghệ, chứng minh khái "
                    "niệm trong phòng thí nghiệm.</li>"
                    "<li><b>TRL 4–6</b>: thử nghiệm trong phòng thí nghiệm rồi trong môi trường "
                    "gần thực tế; có mẫu thử.</li>"
                    "<li><b>TRL 7–9</b>: trình diễn trong môi trường thực, hoàn thiện, sản xuất "
                    "và vận hành thương mại.</li>"
                    "</ul>"
                    "<p>Nhà đầu tư và doanh nghiệp thường chỉ quan tâm từ TRL 6 trở lên. Khoảng "
                    "cách từ TRL 4 đến 7 được gọi là “thung lũng chết” — nơi cần tài trợ, thử "
                    "nghiệm thực địa và khách hàng thí điểm.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "text": (
                            "Hãy bắt đầu từ nhu cầu thị trường (“kéo”) chứ không chỉ từ công "
                            "nghệ có sẵn (“đẩy”). Câu hỏi đầu tiên cho nhà khoa học: “Ai sẽ "
                            "trả tiền cho kết quả này, và họ đang dùng giải pháp nào?”"
                        ),
                    },
                ),
                (
                    "case_study",
                    {
                        "name": ("Chế phẩm vi sinh xử lý phụ phẩm nông nghiệp của một nhóm giảng viên"),
                        "area": "Tam Kỳ",
                        "summary": (
                            "<p>Một nhóm giảng viên hoàn thành đề tài cấp tỉnh về chế phẩm vi "
                            "sinh ủ rơm rạ và phân chuồng thành phân hữu cơ. Sau nghiệm thu, "
                            "kết quả nằm trong báo cáo (khoảng TRL 5). Nhóm tham gia chương "
                            "trình ươm tạo, phỏng vấn 20 hợp tác xã và trang trại, và phát hiện "
                            "khách hàng sẵn sàng trả tiền nhất là <b>trang trại chăn nuôi</b> "
                            "cần giảm mùi và xử lý chất thải, chứ không phải hộ trồng lúa.</p>"
                            "<p>Nhóm thử nghiệm thực địa tại ba trang trại (TRL 7), đo kết quả "
                            "cùng chủ trang trại, rồi đàm phán với nhà trường để thành lập "
                            "doanh nghiệp spin-off với thỏa thuận chia sẻ lợi ích rõ ràng.</p>"
                        ),
                        "takeaway": (
                            "Kết quả nghiên cứu cần được “dịch” sang ngôn ngữ khách hàng và kiểm "
                            "chứng ngoài phòng thí nghiệm trước khi thương mại hóa."
                        ),
                    },
                ),
                (
                    "exercise",
                    {
                        "title": "Đánh giá TRL và chọn con đường thương mại hóa",
                        "instructions": (
                            "<p>Nhóm nhận 4 thẻ mô tả kết quả nghiên cứu (ví dụ: quy trình nhân "
                            "giống cây dược liệu bằng nuôi cấy mô; phần mềm dự báo lũ cho xã; "
                            "máy bóc vỏ hạt có năng suất gấp đôi; công thức bánh ít bảo quản lâu "
                            "hơn). Với mỗi thẻ:</p>"
                            "<ol>"
                            "<li>Ước lượng TRL và giải thích.</li>"
                            "<li>Xác định khách hàng tiềm năng đầu tiên.</li>"
                            "<li>Chọn một trong năm con đường thương mại hóa và nêu lý do.</li>"
                            "<li>Nêu một bước tiếp theo cụ thể trong 3 tháng.</li>"
                            "</ol>"
                        ),
                        "minutes": 25,
                    },
                ),
            ],
            "guide": {
                "steps": [
                    {
                        "minutes": 10,
                        "activity": (
                            "Câu hỏi mở đầu: “Anh/chị biết đề tài nghiên cứu nào ở địa phương "
                            "đã thành sản phẩm bán trên thị trường?” — ghi lên bảng."
                        ),
                        "materials": "Bảng",
                    },
                    {
                        "minutes": 20,
                        "activity": "Trình bày năm con đường thương mại hóa và thang TRL.",
                        "materials": "Slide, hình thang TRL in khổ lớn",
                    },
                    {
                        "minutes": 10,
                        "activity": "Thảo luận tình huống chế phẩm vi sinh.",
                        "materials": "Phiếu tình huống",
                    },
                    {
                        "minutes": 30,
                        "activity": "Bài tập đánh giá TRL theo nhóm; chữa chung.",
                        "materials": "Bộ 4 thẻ kết quả nghiên cứu",
                    },
                    {
                        "minutes": 5,
                        "activity": "Tổng kết.",
                        "materials": "",
                    },
                ],
                "notes": (
                    "<p>Nếu lớp có giảng viên, nhà khoa học, mời họ chia sẻ kinh nghiệm thật. "
                    "Nếu lớp chủ yếu là cán bộ cơ sở, nhấn mạnh vai trò kết nối: giới thiệu "
                    "hợp tác xã, doanh nghiệp có nhu cầu với nhà khoa học.</p><p>Việc ước "
                    "lượng TRL mang tính tương đối; chấm theo lập luận, không theo con số "
                    "tuyệt đối.</p>"
                ),
            },
        },
        {
            "slug": "so-huu-tri-tue-cho-nguoi-khoi-nghiep",
            "title": "Sở hữu trí tuệ cho người khởi nghiệp",
            "minutes": 90,
            "body": [
                ("heading", "Các đối tượng sở hữu trí tuệ thường gặp"),
                (
                    "paragraph",
                    "<p>Theo Luật Sở hữu trí tuệ (2005, sửa đổi, bổ sung các năm 2009, 2019, "
                    "2022), người khởi nghiệp thường gặp các đối tượng sau:</p>"
                    "<ul>"
                    "<li><b>Sáng chế</b>: giải pháp kỹ thuật có tính mới, trình độ sáng tạo "
                    "và khả năng áp dụng công nghiệp; bằng độc quyền có hiệu lực 20 năm kể từ "
                    "ngày nộp đơn. <b>Giải pháp hữu ích</b> (yêu cầu thấp hơn về trình độ "
                    "sáng tạo): 10 năm.</li>"
                    "<li><b>Kiểu dáng công nghiệp</b>: hình dáng bên ngoài của sản phẩm, bao "
                    "bì; hiệu lực 5 năm, gia hạn được hai lần, mỗi lần 5 năm.</li>"
                    "<li><b>Nhãn hiệu</b>: dấu hiệu phân biệt hàng hóa, dịch vụ; hiệu lực 10 "
                    "năm, gia hạn không giới hạn số lần. Có nhãn hiệu tập thể và nhãn hiệu "
                    "chứng nhận cho sản phẩm của cộng đồng, hợp tác xã.</li>"
                    "<li><b>Chỉ dẫn địa lý</b>: chỉ nguồn gốc địa lý gắn với chất lượng đặc thù "
                    "của sản phẩm; được bảo hộ vô thời hạn.</li>"
                    "<li><b>Quyền tác giả</b>: tự động phát sinh khi tác phẩm được định hình "
                    "(bao gồm chương trình máy tính); đăng ký không bắt buộc nhưng giúp làm "
                    "chứng cứ.</li>"
                    "<li><b>Bí mật kinh doanh</b>: công thức, quy trình được giữ bí mật và có "
                    "biện pháp bảo mật; không cần đăng ký.</li>"
                    "<li><b>Giống cây trồng mới</b>: được bảo hộ theo quy định riêng trong "
                    "Luật Sở hữu trí tuệ.</li>"
                    "</ul>",
                ),
                (
                    "paragraph",
                    "<p><b>Năm nguyên tắc vàng</b>:</p>"
                    "<ol>"
                    "<li><b>Nộp đơn trước, công bố sau.</b> Việt Nam áp dụng nguyên tắc nộp đơn "
                    "đầu tiên; công bố sáng chế (bài báo, hội thảo, cuộc thi, mạng xã hội) "
                    "trước khi nộp đơn có thể làm mất tính mới. Luật chỉ cho thời hạn ân hạn "
                    "6 tháng trong một số trường hợp — không nên dựa vào đó.</li>"
                    "<li><b>Đăng ký nhãn hiệu sớm</b>, trước khi in bao bì và quảng bá rộng.</li>"
                    "<li><b>Tra cứu trước khi đặt tên</b> trên cơ sở dữ liệu của Cục Sở hữu "
                    "trí tuệ để tránh trùng lặp.</li>"
                    "<li><b>Thỏa thuận bằng văn bản</b> về quyền sở hữu với đồng sáng lập, "
                    "nhân viên, cộng tác viên, đơn vị thiết kế.</li>"
                    "<li><b>Bảo hộ ở nước ngoài</b> nếu định xuất khẩu (ví dụ đăng ký quốc tế "
                    "nhãn hiệu theo hệ thống Madrid), vì quyền sở hữu công nghiệp có tính lãnh "
                    "thổ.</li>"
                    "</ol>",
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "text": (
                            "Nhiều đặc sản nổi tiếng như sâm Ngọc Linh, quế Trà My là đối tượng "
                            "dễ bị làm giả, mạo danh. Chủ thể sản xuất nên sử dụng đúng nhãn "
                            "hiệu tập thể, nhãn hiệu chứng nhận hoặc chỉ dẫn địa lý (nếu được "
                            "phép), kết hợp truy xuất nguồn gốc; không tự ý dùng tên địa danh đã "
                            "được bảo hộ khi chưa được cấp quyền sử dụng."
                        ),
                    },
                ),
                (
                    "case_study",
                    {
                        "name": "Cơ sở dệt lụa ở Duy Xuyên và cái tên bị đăng ký trước",
                        "area": "Duy Xuyên",
                        "summary": (
                            "<p>Một cơ sở dệt lụa gia đình bán hàng nhiều năm với một tên gọi "
                            "quen thuộc. Khi chuẩn bị mở cửa hàng ở Hội An và bán trực tuyến, "
                            "chủ cơ sở mới nộp đơn đăng ký nhãn hiệu và phát hiện một cá nhân ở "
                            "nơi khác đã nộp đơn cho tên gần giống cho cùng nhóm sản phẩm trước "
                            "đó một năm. Cơ sở phải đổi tên, in lại bao bì và mất chi phí quảng "
                            "bá đã bỏ ra.</p>"
                        ),
                        "takeaway": (
                            "Tra cứu và nộp đơn nhãn hiệu ngay khi chọn tên — chi phí đăng ký "
                            "nhỏ hơn rất nhiều chi phí đổi tên và tranh chấp."
                        ),
                    },
                ),
                (
                    "exercise",
                    {
                        "title": "Kiểm kê tài sản trí tuệ của một dự án",
                        "instructions": (
                            "<p>Chọn một dự án (của nhóm hoặc tình huống mẫu về một hợp tác xã "
                            "sản xuất trà dược liệu có công thức riêng, bao bì riêng và trang "
                            "web bán hàng). Lập bảng gồm các cột: <i>Tài sản trí tuệ – Đối "
                            "tượng sở hữu trí tuệ tương ứng – Ai đang nắm quyền – Đã bảo hộ "
                            "chưa – Việc cần làm – Hạn chót</i>. Xác định ít nhất 5 tài sản "
                            "(tên gọi, logo, công thức, quy trình, bao bì, ảnh, nội dung "
                            "web...).</p>"
                        ),
                        "minutes": 30,
                    },
                ),
            ],
            "guide": {
                "steps": [
                    {
                        "minutes": 10,
                        "activity": (
                            "Trò chơi “đúng hay sai” nhanh với 5 nhận định phổ biến về sở hữu "
                            "trí tuệ (ví dụ: “Đã có giấy phép kinh doanh là tên đã được bảo hộ”)."
                        ),
                        "materials": "Thẻ Đúng/Sai",
                    },
                    {
                        "minutes": 25,
                        "activity": ("Trình bày các đối tượng, thời hạn bảo hộ, năm nguyên tắc vàng."),
                        "materials": "Slide, bảng tóm tắt đối tượng sở hữu trí tuệ",
                    },
                    {
                        "minutes": 10,
                        "activity": ("Thảo luận tình huống cơ sở dệt lụa; trình diễn cách tra cứu nhãn hiệu."),
                        "materials": "Máy tính có mạng, máy chiếu",
                    },
                    {
                        "minutes": 35,
                        "activity": "Bài tập kiểm kê tài sản trí tuệ; hai nhóm trình bày.",
                        "materials": "Mẫu bảng kiểm kê",
                    },
                    {
                        "minutes": 10,
                        "activity": ("Hỏi đáp; giới thiệu đầu mối hỗ trợ sở hữu trí tuệ ở địa phương."),
                        "materials": "Danh bạ đầu mối",
                    },
                ],
                "notes": (
                    "<p>Lưu ý: tên doanh nghiệp trên giấy đăng ký kinh doanh <b>không</b> đồng "
                    "nghĩa với nhãn hiệu được bảo hộ — đây là nhầm lẫn rất phổ biến.</p><p>Chương "
                    "trình máy tính được bảo hộ theo quyền tác giả; bản thân chương trình máy "
                    "tính không được bảo hộ dưới danh nghĩa sáng chế. Nếu học viên hỏi sâu về "
                    "thủ tục, phí, hãy giới thiệu Sở Khoa học và Công nghệ hoặc tổ chức đại diện "
                    "sở hữu công nghiệp.</p>"
                ),
            },
        },
        {
            "slug": "spin-off-va-chuyen-giao-cong-nghe",
            "title": "Doanh nghiệp spin-off và chuyển giao công nghệ",
            "minutes": 75,
            "body": [
                ("heading", "Ai sở hữu kết quả nghiên cứu?"),
                (
                    "paragraph",
                    "<p>Trước khi thương mại hóa, phải trả lời câu hỏi về quyền sở hữu:</p>"
                    "<ul>"
                    "<li>Với nhiệm vụ khoa học và công nghệ sử dụng ngân sách nhà nước, Luật "
                    "Sở hữu trí tuệ sửa đổi năm 2022 quy định về nguyên tắc <b>tổ chức chủ "
                    "trì</b> được đăng ký và là chủ sở hữu sáng chế, kiểu dáng công nghiệp, "
                    "thiết kế bố trí tạo ra từ nhiệm vụ (trừ một số trường hợp luật định).</li>"
                    "<li>Với nghiên cứu do doanh nghiệp đặt hàng, quyền sở hữu theo hợp đồng.</li>"
                    "<li><b>Tác giả</b> (nhà khoa học) có quyền nhân thân và được trả thù lao; "
                    "nếu không có thỏa thuận khác, mức tối thiểu theo Luật là 10% số tiền làm "
                    "lợi khi chủ sở hữu sử dụng sáng chế và 15% số tiền nhận được mỗi lần "
                    "chuyển giao quyền sử dụng.</li>"
                    "</ul>",
                ),
                (
                    "paragraph",
                    "<p><b>Các bước hình thành doanh nghiệp spin-off</b>:</p>"
                    "<ol>"
                    "<li>Công bố sáng chế nội bộ và xác định chủ sở hữu, tác giả.</li>"
                    "<li>Nộp đơn bảo hộ trước khi công bố ra ngoài.</li>"
                    "<li>Kiểm chứng thị trường (phỏng vấn khách hàng, thí điểm).</li>"
                    "<li>Đàm phán với tổ chức chủ trì: góp vốn bằng quyền sở hữu trí tuệ, cấp "
                    "phép độc quyền hay không độc quyền, mức phí, tỷ lệ chia sẻ lợi ích.</li>"
                    "<li>Thành lập doanh nghiệp, hoàn thiện thỏa thuận sáng lập, tuyển người "
                    "điều hành có kinh nghiệm kinh doanh.</li>"
                    "<li>Tìm nguồn vốn giai đoạn sớm; cân nhắc đề nghị công nhận doanh nghiệp "
                    "khoa học và công nghệ để hưởng ưu đãi (theo Nghị định 13/2019/NĐ-CP, "
                    "doanh nghiệp đáp ứng điều kiện có thể được miễn thuế thu nhập doanh "
                    "nghiệp 4 năm và giảm 50% trong 9 năm tiếp theo).</li>"
                    "</ol>",
                ),
                (
                    "callout",
                    {
                        "kind": "info",
                        "text": (
                            "Nghị quyết 57-NQ/TW và Luật Khoa học, công nghệ và đổi mới sáng "
                            "tạo năm 2025 đang mở rộng cơ chế cho nhà khoa học là viên chức góp "
                            "vốn, tham gia quản lý doanh nghiệp khai thác kết quả nghiên cứu. "
                            "Trước khi tư vấn, kiểm tra văn bản hướng dẫn hiện hành và quy chế "
                            "của trường, viện; minh bạch và phòng ngừa xung đột lợi ích là yêu "
                            "cầu bắt buộc."
                        ),
                    },
                ),
                (
                    "paragraph",
                    "<p><b>Chuyển giao công nghệ</b> (Luật Chuyển giao công nghệ 2017) có thể "
                    "thực hiện bằng chuyển nhượng quyền sở hữu hoặc chuyển giao quyền sử dụng "
                    "công nghệ. Hợp đồng chuyển giao cần nêu rõ: đối tượng công nghệ, phạm vi "
                    "và thời hạn, độc quyền hay không, giá và phương thức thanh toán, đào tạo "
                    "và hỗ trợ kỹ thuật, bảo hành, cải tiến công nghệ thuộc về ai, giải quyết "
                    "tranh chấp. Các chợ công nghệ (Techmart), sàn giao dịch công nghệ và tổ "
                    "chức trung gian giúp kết nối bên bán và bên mua.</p>",
                ),
                (
                    "case_study",
                    {
                        "name": "Thiết bị đo độ mặn cho vùng nuôi tôm",
                        "area": "Núi Thành",
                        "summary": (
                            "<p>Một nhóm nghiên cứu phát triển thiết bị đo độ mặn, nhiệt độ "
                            "nước giá rẻ, đã thử nghiệm tại các ao nuôi tôm ven biển. Hai phương "
                            "án được cân nhắc: (A) cấp phép cho một doanh nghiệp thiết bị nông "
                            "nghiệp đã có mạng lưới phân phối, thu phí theo mỗi thiết bị bán ra; "
                            "(B) lập doanh nghiệp spin-off tự sản xuất và bán.</p>"
                            "<p>Nhóm chọn phương án A cho thị trường thiết bị vì không có kinh "
                            "nghiệm phân phối, đồng thời lập doanh nghiệp nhỏ cung cấp <b>dịch "
                            "vụ phân tích dữ liệu và cảnh báo</b> cho các hợp tác xã — phần mà "
                            "nhóm có lợi thế riêng.</p>"
                        ),
                        "takeaway": (
                            "Spin-off không phải lúc nào cũng là lựa chọn tốt nhất; hãy chọn con "
                            "đường phù hợp với năng lực của nhóm và cấu trúc thị trường."
                        ),
                    },
                ),
                (
                    "exercise",
                    {
                        "title": "Đóng vai đàm phán spin-off",
                        "instructions": (
                            "<p>Chia nhóm 3 vai: <b>đại diện trường/viện</b> (tổ chức chủ trì), "
                            "<b>nhóm nhà khoa học</b>, <b>nhà đầu tư thiên thần</b>. Dựa trên "
                            "tình huống chế phẩm vi sinh ở bài 1, đàm phán trong 20 phút để "
                            "thống nhất: hình thức sử dụng kết quả (góp vốn bằng quyền sở hữu "
                            "trí tuệ hay cấp phép), tỷ lệ sở hữu ban đầu, vai trò của nhà khoa "
                            "học, cơ chế xử lý xung đột lợi ích. Ghi kết quả vào “bản ghi nhớ "
                            "điều khoản” một trang.</p>"
                        ),
                        "minutes": 30,
                    },
                ),
            ],
            "guide": {
                "steps": [
                    {
                        "minutes": 10,
                        "activity": "Ôn nhanh bài trước: năm con đường thương mại hóa và TRL.",
                        "materials": "",
                    },
                    {
                        "minutes": 20,
                        "activity": ("Trình bày quyền sở hữu, các bước spin-off, hợp đồng chuyển giao."),
                        "materials": "Slide, sơ đồ các bước",
                    },
                    {
                        "minutes": 10,
                        "activity": "Thảo luận tình huống thiết bị đo độ mặn: A hay B?",
                        "materials": "Phiếu tình huống",
                    },
                    {
                        "minutes": 30,
                        "activity": "Đóng vai đàm phán và trình bày bản ghi nhớ điều khoản.",
                        "materials": "Phiếu vai, mẫu bản ghi nhớ điều khoản",
                    },
                    {
                        "minutes": 5,
                        "activity": "Tổng kết mô-đun và giới thiệu bài kiểm tra.",
                        "materials": "",
                    },
                ],
                "notes": (
                    "<p>Phát phiếu vai riêng có “mục tiêu bí mật” cho từng vai (ví dụ: trường "
                    "muốn giữ tối thiểu 20%, nhà đầu tư muốn nhà khoa học làm toàn thời gian) "
                    "để đàm phán thực tế hơn.</p><p>Các mức ưu đãi và điều kiện có thể thay đổi "
                    "khi văn bản mới có hiệu lực; nói rõ với học viên đây là thông tin tham "
                    "khảo, cần kiểm tra trước khi áp dụng.</p>"
                ),
            },
        },
    ],
    "quiz": {
        "slug": "kiem-tra-ket-qua-nghien-cuu",
        "title": "Kiểm tra mô-đun 5: Khởi nghiệp từ kết quả nghiên cứu",
        "pass_mark": 70,
        "questions": [
            {
                "kind": "single",
                "text": "Thời hạn hiệu lực của văn bằng bảo hộ nhãn hiệu ở Việt Nam là bao lâu?",
                "explanation": (
                    "Giấy chứng nhận đăng ký nhãn hiệu có hiệu lực 10 năm và được gia hạn nhiều lần liên tiếp."
                ),
                "choices": [
                    {"text": "5 năm, không gia hạn", "correct": False},
                    {"text": "10 năm, gia hạn được nhiều lần", "correct": True},
                    {"text": "20 năm, không gia hạn", "correct": False},
                    {"text": "Vô thời hạn, không cần gia hạn", "correct": False},
                ],
            },
            {
                "kind": "true_false",
                "text": (
                    "Nhà khoa học nên đăng bài báo công bố chi tiết giải pháp kỹ thuật trước, rồi "
                    "mới nộp đơn đăng ký sáng chế."
                ),
                "explanation": (
                    "Sai. Công bố trước khi nộp đơn có thể làm mất tính mới; nguyên tắc là nộp đơn trước, công bố sau."
                ),
                "choices": [
                    {"text": "Đúng", "correct": False},
                    {"text": "Sai", "correct": True},
                ],
            },
            {
                "kind": "multiple",
                "text": "Những con đường nào là hình thức thương mại hóa kết quả nghiên cứu?",
                "explanation": (
                    "Cấp phép, chuyển nhượng, spin-off, hợp tác nghiên cứu và dịch vụ khoa học "
                    "công nghệ đều là con đường thương mại hóa. Lưu báo cáo nghiệm thu vào thư "
                    "viện không phải là thương mại hóa."
                ),
                "choices": [
                    {"text": "Cấp phép (li-xăng) cho doanh nghiệp", "correct": True},
                    {"text": "Thành lập doanh nghiệp spin-off", "correct": True},
                    {"text": "Lưu báo cáo nghiệm thu vào thư viện", "correct": False},
                    {"text": "Chuyển nhượng quyền sở hữu công nghệ", "correct": True},
                ],
            },
            {
                "kind": "single",
                "text": "Thang TRL (mức độ sẵn sàng công nghệ) dùng để làm gì?",
                "explanation": (
                    "TRL gồm 9 bậc, mô tả công nghệ đã phát triển đến đâu, từ nguyên lý cơ bản đến vận hành thương mại."
                ),
                "choices": [
                    {"text": "Định giá doanh nghiệp khởi nghiệp", "correct": False},
                    {"text": "Đánh giá công nghệ đã phát triển đến mức nào", "correct": True},
                    {"text": "Xếp hạng sao sản phẩm OCOP", "correct": False},
                    {"text": "Tính thuế thu nhập doanh nghiệp", "correct": False},
                ],
            },
        ],
    },
}

# ---------------------------------------------------------------------------
# Mô-đun 6: OCOP và sản phẩm địa phương
# ---------------------------------------------------------------------------

_TOT_M6 = {
    "slug": "ocop-va-san-pham-dia-phuong",
    "title": "OCOP và sản phẩm địa phương",
    "intro": (
        "Chương trình Mỗi xã một sản phẩm (OCOP) là cầu nối tự nhiên giữa khởi nghiệp đổi "
        "mới sáng tạo và kinh tế nông thôn. Mô-đun giúp giảng viên nguồn hiểu bộ tiêu chí "
        "đánh giá, phân hạng sản phẩm từ 1 đến 5 sao, hướng dẫn chủ thể xây dựng câu chuyện "
        "sản phẩm, hoàn thiện bao bì, nhãn mác đúng quy định và đưa sản phẩm địa phương lên "
        "các kênh thương mại điện tử."
    ),
    "lessons": [
        {
            "slug": "chuong-trinh-ocop-va-bo-tieu-chi",
            "title": "Chương trình OCOP và bộ tiêu chí đánh giá 1–5 sao",
            "minutes": 90,
            "body": [
                ("heading", "OCOP là gì và ai có thể tham gia?"),
                (
                    "paragraph",
                    "<p>Chương trình Mỗi xã một sản phẩm (One Commune One Product — OCOP) "
                    "được triển khai từ năm 2018 (Quyết định 490/QĐ-TTg), tiếp tục trong giai "
                    "đoạn 2021–2025 (Quyết định 919/QĐ-TTg). Mục tiêu là phát triển các sản "
                    "phẩm đặc trưng, có lợi thế của địa phương theo chuỗi giá trị, do các "
                    "<b>chủ thể kinh tế</b> thực hiện: doanh nghiệp, hợp tác xã, tổ hợp tác, "
                    "hộ kinh doanh có đăng ký.</p>"
                    "<p>Theo Bộ tiêu chí ban hành kèm Quyết định 148/QĐ-TTg (2023), sản phẩm "
                    "thuộc 6 nhóm: <b>thực phẩm; đồ uống; dược liệu và sản phẩm từ dược liệu; "
                    "hàng thủ công mỹ nghệ; sinh vật cảnh; dịch vụ du lịch cộng đồng, du lịch "
                    "sinh thái và điểm du lịch</b>.</p>",
                ),
                (
                    "paragraph",
                    "<p><b>Cấu trúc điểm (tối đa 100 điểm):</b></p>"
                    "<ul>"
                    "<li><b>Phần A — Sản phẩm và sức mạnh cộng đồng (40 điểm)</b>: tổ chức "
                    "sản xuất, phát triển sản phẩm, sức mạnh cộng đồng (liên kết, sử dụng lao "
                    "động địa phương, bảo vệ môi trường...).</li>"
                    "<li><b>Phần B — Khả năng tiếp thị (25 điểm)</b>: tiếp thị, câu chuyện về "
                    "sản phẩm.</li>"
                    "<li><b>Phần C — Chất lượng sản phẩm (35 điểm)</b>: chỉ tiêu cảm quan, dinh "
                    "dưỡng, tính độc đáo; tiêu chuẩn sản phẩm; khả năng xuất khẩu, phân phối "
                    "ra thị trường quốc tế.</li>"
                    "</ul>"
                    "<p><b>Phân hạng theo tổng điểm:</b></p>"
                    "<ul>"
                    "<li>1 sao: dưới 30 điểm — sản phẩm khởi điểm, cần hoàn thiện nhiều.</li>"
                    "<li>2 sao: từ 30 đến dưới 50 điểm — chưa đạt, có thể nâng cấp.</li>"
                    "<li>3 sao: từ 50 đến dưới 70 điểm — đạt tiêu chuẩn, có thể nâng cấp.</li>"
                    "<li>4 sao: từ 70 đến dưới 90 điểm — đạt tiêu chuẩn, có thể nâng cấp lên 5 "
                    "sao.</li>"
                    "<li>5 sao: từ 90 đến 100 điểm — đạt tiêu chuẩn, có thể cạnh tranh quốc "
                    "tế.</li>"
                    "</ul>"
                    "<p>Chỉ sản phẩm đạt từ <b>3 sao trở lên</b> mới được công nhận và cấp "
                    "giấy chứng nhận sản phẩm OCOP, có thời hạn 36 tháng. Sản phẩm 5 sao do "
                    "cấp Trung ương đánh giá, công nhận.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "text": (
                            "Từ ngày 01/7/2025 không còn cấp huyện; việc tổ chức đánh giá, công "
                            "nhận các hạng sao (trước đây cấp huyện phụ trách hạng 3 sao) được "
                            "điều chỉnh theo hướng dẫn mới. Liên hệ cơ quan đầu mối OCOP của "
                            "thành phố để nắm quy trình hiện hành trước khi hướng dẫn chủ thể "
                            "làm hồ sơ."
                        ),
                    },
                ),
                (
                    "paragraph",
                    "<p><b>Chu trình OCOP hằng năm</b> gồm 6 bước: (1) tuyên truyền, hướng "
                    "dẫn; (2) nhận đăng ký ý tưởng sản phẩm; (3) nhận phương án, dự án sản "
                    "xuất kinh doanh; (4) triển khai phương án, dự án; (5) đánh giá và phân "
                    "hạng sản phẩm; (6) xúc tiến thương mại. Giảng viên nguồn có thể hỗ trợ "
                    "mạnh nhất ở bước 2–4: giúp chủ thể kiểm chứng thị trường, vẽ mô hình kinh "
                    "doanh và hoàn thiện sản phẩm theo tư duy khởi nghiệp.</p>",
                ),
                (
                    "case_study",
                    {
                        "name": "Hợp tác xã mật ong rừng ở Tây Giang nâng hạng từ 3 lên 4 sao",
                        "area": "Tây Giang",
                        "summary": (
                            "<p>Sản phẩm mật ong của hợp tác xã đạt 3 sao với 64 điểm. Khi tự "
                            "chấm lại theo bộ tiêu chí, ban quản trị thấy điểm yếu nằm ở: chưa "
                            "có hợp đồng liên kết với các hộ nuôi ong (Phần A), chưa có câu "
                            "chuyện sản phẩm và tài liệu quảng bá (Phần B), chưa công bố tiêu "
                            "chuẩn cơ sở và chưa kiểm nghiệm định kỳ (Phần C).</p>"
                            "<p>Trong 18 tháng, hợp tác xã ký liên kết với 35 hộ đồng bào, xây "
                            "dựng quy trình khai thác, kiểm nghiệm định kỳ, in mã truy xuất "
                            "nguồn gốc và viết câu chuyện về nghề nuôi ong dưới tán rừng. Lần "
                            "đánh giá sau sản phẩm đạt 4 sao.</p>"
                        ),
                        "takeaway": (
                            "Bộ tiêu chí OCOP là một “bản đồ nâng cấp”: tự chấm điểm giúp chủ "
                            "thể biết chính xác cần cải thiện phần nào."
                        ),
                    },
                ),
                (
                    "exercise",
                    {
                        "title": "Tự chấm điểm sơ bộ một sản phẩm",
                        "instructions": (
                            "<p>Mỗi nhóm chọn một sản phẩm địa phương quen thuộc. Dùng phiếu "
                            "chấm rút gọn (các nhóm tiêu chí của Phần A, B, C) để ước lượng "
                            "điểm. Sau đó:</p>"
                            "<ol>"
                            "<li>Xác định hạng sao dự kiến.</li>"
                            "<li>Chỉ ra 3 tiêu chí mất điểm nhiều nhất.</li>"
                            "<li>Lập kế hoạch cải thiện 12 tháng: việc cần làm, ai hỗ trợ, chi "
                            "phí ước tính.</li>"
                            "</ol>"
                        ),
                        "minutes": 35,
                    },
                ),
            ],
            "guide": {
                "steps": [
                    {
                        "minutes": 10,
                        "activity": (
                            "Trưng bày 4–5 sản phẩm OCOP thật của địa phương; học viên đoán hạng sao và giải thích."
                        ),
                        "materials": "Mẫu sản phẩm OCOP",
                    },
                    {
                        "minutes": 25,
                        "activity": ("Trình bày chương trình, 6 nhóm sản phẩm, cấu trúc điểm, hạng sao, chu trình."),
                        "materials": "Slide, Bộ tiêu chí OCOP bản in",
                    },
                    {
                        "minutes": 10,
                        "activity": "Thảo luận tình huống hợp tác xã mật ong.",
                        "materials": "Phiếu tình huống",
                    },
                    {
                        "minutes": 40,
                        "activity": "Bài tập tự chấm điểm và lập kế hoạch cải thiện; trình bày.",
                        "materials": "Phiếu chấm rút gọn, giấy A3",
                    },
                    {
                        "minutes": 5,
                        "activity": "Tổng kết.",
                        "materials": "",
                    },
                ],
                "notes": (
                    "<p>Mời cán bộ phụ trách OCOP của địa phương tham dự phần hỏi đáp nếu có "
                    "thể. Chuẩn bị phiếu chấm theo đúng nhóm sản phẩm (thực phẩm khác thủ công "
                    "mỹ nghệ).</p><p>Nhấn mạnh: mục tiêu không phải “chạy sao” mà là nâng cấp "
                    "sản phẩm bán được nhiều hơn, giá tốt hơn và bền vững.</p>"
                ),
            },
        },
        {
            "slug": "cau-chuyen-san-pham-va-bao-bi",
            "title": "Câu chuyện sản phẩm, bao bì và nhãn hàng hóa",
            "minutes": 90,
            "body": [
                ("heading", "Câu chuyện sản phẩm: bán giá trị, không chỉ bán hàng"),
                (
                    "paragraph",
                    "<p>Câu chuyện sản phẩm là một phần của Phần B trong bộ tiêu chí OCOP và là "
                    "công cụ bán hàng mạnh nhất của sản phẩm địa phương. Một câu chuyện tốt "
                    "trả lời năm câu hỏi:</p>"
                    "<ol>"
                    "<li><b>Nguồn gốc</b>: sản phẩm đến từ vùng đất nào, có gì đặc biệt về thổ "
                    "nhưỡng, khí hậu, lịch sử?</li>"
                    "<li><b>Con người</b>: ai làm ra, vì sao họ gắn bó với nghề?</li>"
                    "<li><b>Quy trình</b>: điều gì trong cách làm tạo nên chất lượng khác "
                    "biệt?</li>"
                    "<li><b>Giá trị</b>: khách hàng nhận được gì (sức khỏe, trải nghiệm, ý "
                    "nghĩa văn hóa khi làm quà)?</li>"
                    "<li><b>Cam kết</b>: chủ thể hứa điều gì với khách hàng và cộng đồng?</li>"
                    "</ol>"
                    "<p>Câu chuyện phải <b>trung thực và kiểm chứng được</b>. Không dùng các "
                    "tuyên bố chữa bệnh cho thực phẩm, không nói “gia truyền trăm năm” nếu "
                    "không có căn cứ.</p>",
                ),
                (
                    "paragraph",
                    "<p><b>Bao bì và nhãn hàng hóa — danh sách kiểm tra</b> (theo Nghị định "
                    "43/2017/NĐ-CP, sửa đổi bởi Nghị định 111/2021/NĐ-CP):</p>"
                    "<ul>"
                    "<li>Tên hàng hóa.</li>"
                    "<li>Tên và địa chỉ tổ chức, cá nhân chịu trách nhiệm về hàng hóa.</li>"
                    "<li>Xuất xứ hàng hóa.</li>"
                    "<li>Với thực phẩm: định lượng, ngày sản xuất, hạn sử dụng, thành phần, "
                    "hướng dẫn sử dụng và bảo quản, thông tin cảnh báo (nếu có).</li>"
                    "<li>Số tự công bố hoặc đăng ký bản công bố sản phẩm (nếu thuộc diện phải "
                    "công bố).</li>"
                    "<li>Khuyến nghị thêm: mã số mã vạch, mã QR truy xuất nguồn gốc, logo "
                    "OCOP (chỉ khi đã được công nhận và sử dụng đúng quy định).</li>"
                    "</ul>"
                    "<p><b>Thiết kế bao bì</b> cần phù hợp kênh bán: bao bì quà tặng cho khách "
                    "du lịch khác bao bì chịu va đập khi gửi chuyển phát; ưu tiên vật liệu có "
                    "thể tái chế, hạn chế nhựa dùng một lần.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "text": (
                            "Chụp ảnh người làm ra sản phẩm, vùng nguyên liệu, các công đoạn "
                            "thủ công — đây là “nguyên liệu” quý cho câu chuyện, trang bán hàng "
                            "và hồ sơ OCOP. Nhớ xin phép người được chụp."
                        ),
                    },
                ),
                (
                    "case_study",
                    {
                        "name": "Xưởng gốm gia đình ở làng gốm Thanh Hà",
                        "area": "Hội An",
                        "summary": (
                            "<p>Xưởng gốm của một gia đình ba thế hệ bán sản phẩm cho khách "
                            "tham quan nhưng hàng thường bị vỡ khi khách mang đi xa, và khách "
                            "không nhớ mua ở đâu. Xưởng làm lại toàn bộ: hộp giấy có lót chống "
                            "sốc bằng vật liệu tái chế; tấm thiệp kể câu chuyện ngắn về ông bà "
                            "và kỹ thuật nung; mã QR dẫn tới video làm gốm và trang đặt hàng "
                            "trực tuyến.</p>"
                            "<p>Tỷ lệ khách quay lại đặt hàng qua mạng tăng đáng kể; nhiều khách "
                            "quốc tế đặt hàng sau khi về nước.</p>"
                        ),
                        "takeaway": (
                            "Bao bì không chỉ bảo vệ sản phẩm mà còn kể chuyện và mở ra kênh bán hàng lặp lại."
                        ),
                    },
                ),
                (
                    "exercise",
                    {
                        "title": "Viết câu chuyện 100 chữ và rà soát nhãn",
                        "instructions": (
                            "<p><b>Phần 1 (20 phút).</b> Viết câu chuyện sản phẩm khoảng 100 chữ "
                            "trả lời đủ năm câu hỏi. Đọc cho nhóm khác nghe; nhóm nghe chỉ ra một "
                            "chi tiết gây nhớ nhất và một tuyên bố cần kiểm chứng.</p>"
                            "<p><b>Phần 2 (15 phút).</b> Với nhãn của một sản phẩm thật mang "
                            "đến lớp, dùng danh sách kiểm tra để tìm thông tin còn thiếu hoặc "
                            "chưa đúng quy định.</p>"
                        ),
                        "minutes": 35,
                    },
                ),
            ],
            "guide": {
                "steps": [
                    {
                        "minutes": 10,
                        "activity": (
                            "So sánh hai sản phẩm cùng loại: một có câu chuyện, một không; hỏi "
                            "học viên sẵn sàng trả giá bao nhiêu cho mỗi loại."
                        ),
                        "materials": "Hai mẫu sản phẩm hoặc ảnh",
                    },
                    {
                        "minutes": 20,
                        "activity": ("Trình bày năm câu hỏi của câu chuyện và danh sách kiểm tra nhãn."),
                        "materials": "Slide, danh sách kiểm tra in sẵn",
                    },
                    {
                        "minutes": 10,
                        "activity": "Thảo luận tình huống xưởng gốm.",
                        "materials": "Phiếu tình huống",
                    },
                    {
                        "minutes": 40,
                        "activity": "Bài tập viết câu chuyện và rà soát nhãn.",
                        "materials": "Nhãn sản phẩm thật (học viên mang đến), giấy, bút",
                    },
                    {
                        "minutes": 10,
                        "activity": "Đọc 3 câu chuyện hay nhất; tổng kết.",
                        "materials": "",
                    },
                ],
                "notes": (
                    "<p>Dặn học viên mang theo 1–2 sản phẩm có nhãn từ buổi trước. Yêu cầu về "
                    "nhãn khác nhau theo loại hàng hóa; phần danh sách kiểm tra là phần chung, "
                    "với hàng đặc thù (thực phẩm bảo vệ sức khỏe, mỹ phẩm, dược liệu) cần tra "
                    "quy định chuyên ngành.</p><p>Nhắc lại: câu chuyện phóng đại hoặc quảng cáo "
                    "công dụng chữa bệnh cho thực phẩm có thể vi phạm quy định về quảng cáo.</p>"
                ),
            },
        },
        {
            "slug": "thuong-mai-dien-tu-cho-san-pham-dia-phuong",
            "title": "Đưa sản phẩm địa phương lên thương mại điện tử",
            "minutes": 90,
            "body": [
                ("heading", "Chọn kênh bán trực tuyến phù hợp"),
                (
                    "paragraph",
                    "<p>Các kênh thường dùng và điểm cần lưu ý:</p>"
                    "<ul>"
                    "<li><b>Mạng xã hội và tin nhắn</b> (Zalo, Facebook): chi phí thấp, phù "
                    "hợp bán cho khách quen và khách giới thiệu; cần trả lời tin nhắn nhanh.</li>"
                    "<li><b>Sàn thương mại điện tử</b> (Shopee, Lazada, TikTok Shop...): tiếp "
                    "cận khách hàng toàn quốc; có phí cố định, phí thanh toán, phí dịch vụ; cạnh "
                    "tranh về giá và đánh giá.</li>"
                    "<li><b>Sàn của doanh nghiệp bưu chính, viễn thông</b> (ví dụ Postmart, "
                    "Voso) và các chương trình đưa sản phẩm OCOP lên sàn: thường có hỗ trợ "
                    "chủ thể nông thôn, kết nối vận chuyển.</li>"
                    "<li><b>Bán hàng qua video trực tiếp</b> (livestream): hiệu quả với sản "
                    "phẩm cần trình diễn (cách làm, cách dùng); cần kịch bản và người dẫn tự "
                    "tin.</li>"
                    "</ul>"
                    "<p>Lời khuyên: bắt đầu với <b>một đến hai kênh</b> làm thật tốt trước khi "
                    "mở rộng.</p>",
                ),
                (
                    "paragraph",
                    "<p><b>Danh sách kiểm tra trước khi mở gian hàng:</b></p>"
                    "<ul>"
                    "<li>Sản phẩm đủ điều kiện pháp lý (đăng ký kinh doanh, an toàn thực phẩm, "
                    "công bố sản phẩm, nhãn).</li>"
                    "<li>Ảnh rõ nét trên nền sáng: ảnh tổng thể, ảnh chi tiết, ảnh bao bì, ảnh "
                    "nhãn, ảnh người làm/vùng nguyên liệu.</li>"
                    "<li>Mô tả: câu chuyện ngắn, thành phần, quy cách, hạn sử dụng, cách bảo "
                    "quản, chính sách đổi trả.</li>"
                    "<li>Đóng gói chịu được vận chuyển (thử thả rơi từ độ cao 1 mét).</li>"
                    "<li>Giá bán đã tính đủ phí sàn, phí thanh toán, đóng gói, vận chuyển, "
                    "khuyến mãi.</li>"
                    "<li>Nghĩa vụ thuế: theo quy định mới từ năm 2025, các sàn có chức năng "
                    "thanh toán thực hiện khấu trừ, nộp thay thuế cho hộ, cá nhân kinh doanh — "
                    "cần tìm hiểu hướng dẫn của cơ quan thuế.</li>"
                    "</ul>",
                ),
                (
                    "paragraph",
                    "<p><b>Công thức tính giá bán trên sàn:</b></p>"
                    "<p><i>Giá bán = (Giá vốn + Chi phí đóng gói) ÷ (1 − Tỷ lệ phí sàn và "
                    "thanh toán − Tỷ lệ lãi mong muốn)</i></p>"
                    "<p>Ví dụ: giá vốn 60.000 đồng, đóng gói 8.000 đồng, tổng phí sàn và thanh "
                    "toán giả định 15%, lãi mong muốn 20% → giá bán = 68.000 ÷ 0,65 ≈ 104.600 "
                    "đồng, làm tròn 105.000 đồng. (Tỷ lệ phí mỗi sàn khác nhau và thay đổi theo "
                    "thời gian — luôn kiểm tra biểu phí hiện hành.)</p>",
                ),
                (
                    "case_study",
                    {
                        "name": "Cơ sở mì Quảng khô ở Quế Sơn bán hàng qua livestream",
                        "area": "Quế Sơn",
                        "summary": (
                            "<p>Một cơ sở gia đình sản xuất mì Quảng khô đóng gói mở gian hàng "
                            "trên sàn nhưng hầu như không có đơn trong ba tháng. Con gái chủ cơ "
                            "sở thử livestream mỗi tối 30 phút: vừa nấu một tô mì Quảng hoàn "
                            "chỉnh, vừa giới thiệu cách tráng bánh, phơi mì ở làng. Bộ sản phẩm "
                            "“mì + gói nước dùng + bánh tráng” được tạo ra theo gợi ý của khách "
                            "xem livestream.</p>"
                            "<p>Sau hai tháng, đơn hàng chủ yếu đến từ người Quảng xa quê ở các "
                            "thành phố lớn. Cơ sở phải cải tiến đóng gói để mì không gãy vụn khi "
                            "vận chuyển và tuyển thêm hai lao động địa phương.</p>"
                        ),
                        "takeaway": (
                            "Trên môi trường số, trình diễn cách dùng và kết nối cảm xúc với cộng "
                            "đồng xa quê có thể hiệu quả hơn giảm giá."
                        ),
                    },
                ),
                (
                    "exercise",
                    {
                        "title": "Thiết kế trang sản phẩm và kịch bản livestream 10 phút",
                        "instructions": (
                            "<p>Mỗi nhóm chọn một sản phẩm địa phương:</p>"
                            "<ol>"
                            "<li>Tính giá bán trên sàn theo công thức (dùng số liệu giả định hợp "
                            "lý).</li>"
                            "<li>Viết tiêu đề sản phẩm (dưới 100 ký tự, có từ khóa khách hay "
                            "tìm), mô tả 5 gạch đầu dòng, danh sách 5 ảnh cần chụp.</li>"
                            "<li>Viết kịch bản livestream 10 phút: mở đầu gây chú ý, trình diễn, "
                            "trả lời 3 câu hỏi thường gặp, lời kêu gọi đặt hàng.</li>"
                            "<li>Một thành viên livestream thử 3 phút trước lớp bằng điện "
                            "thoại.</li>"
                            "</ol>"
                        ),
                        "minutes": 40,
                    },
                ),
            ],
            "guide": {
                "steps": [
                    {
                        "minutes": 10,
                        "activity": (
                            "Khảo sát: ai đã từng mua nông sản, đặc sản qua mạng? Điều gì làm "
                            "anh/chị tin tưởng đặt hàng?"
                        ),
                        "materials": "",
                    },
                    {
                        "minutes": 20,
                        "activity": "Trình bày các kênh, danh sách kiểm tra và công thức tính giá.",
                        "materials": "Slide, ví dụ trang sản phẩm tốt và chưa tốt",
                    },
                    {
                        "minutes": 10,
                        "activity": "Thảo luận tình huống mì Quảng khô.",
                        "materials": "Phiếu tình huống",
                    },
                    {
                        "minutes": 45,
                        "activity": "Bài tập nhóm: tính giá, thiết kế trang, livestream thử.",
                        "materials": "Điện thoại, giá đỡ, sản phẩm mẫu, máy tính cầm tay",
                    },
                    {
                        "minutes": 5,
                        "activity": "Tổng kết mô-đun và giới thiệu bài kiểm tra.",
                        "materials": "",
                    },
                ],
                "notes": (
                    "<p>Không quảng cáo cho sàn cụ thể; giới thiệu nhiều lựa chọn và để học viên "
                    "tự so sánh biểu phí, điều kiện. Biểu phí thay đổi thường xuyên nên chỉ dùng "
                    "số liệu giả định trong bài tập.</p><p>Với học viên lớn tuổi, ghép cặp với "
                    "học viên trẻ khi livestream thử; đây cũng là gợi ý để chủ thể OCOP hợp tác "
                    "với đoàn viên thanh niên ở địa phương.</p>"
                ),
            },
        },
    ],
    "quiz": {
        "slug": "kiem-tra-ocop",
        "title": "Kiểm tra mô-đun 6: OCOP và sản phẩm địa phương",
        "pass_mark": 70,
        "questions": [
            {
                "kind": "single",
                "text": "Theo Bộ tiêu chí OCOP, sản phẩm đạt tổng điểm 82 được xếp hạng mấy sao?",
                "explanation": "Hạng 4 sao tương ứng từ 70 đến dưới 90 điểm.",
                "choices": [
                    {"text": "3 sao", "correct": False},
                    {"text": "4 sao", "correct": True},
                    {"text": "5 sao", "correct": False},
                    {"text": "2 sao", "correct": False},
                ],
            },
            {
                "kind": "multiple",
                "text": ("Những thông tin nào bắt buộc phải có trên nhãn hàng hóa thực phẩm đóng gói?"),
                "explanation": (
                    "Nhãn thực phẩm phải có tên hàng hóa, tên và địa chỉ tổ chức chịu trách "
                    "nhiệm, xuất xứ, định lượng, ngày sản xuất, hạn sử dụng, thành phần... Ảnh "
                    "chân dung chủ cơ sở không bắt buộc."
                ),
                "choices": [
                    {"text": "Tên hàng hóa", "correct": True},
                    {"text": "Hạn sử dụng", "correct": True},
                    {"text": "Ảnh chân dung chủ cơ sở", "correct": False},
                    {
                        "text": "Tên và địa chỉ tổ chức, cá nhân chịu trách nhiệm về hàng hóa",
                        "correct": True,
                    },
                ],
            },
            {
                "kind": "single",
                "text": "Phần B của Bộ tiêu chí OCOP (25 điểm) đánh giá nội dung gì?",
                "explanation": ("Phần B đánh giá khả năng tiếp thị, bao gồm tiếp thị và câu chuyện về sản phẩm."),
                "choices": [
                    {"text": "Chất lượng sản phẩm", "correct": False},
                    {"text": "Khả năng tiếp thị và câu chuyện sản phẩm", "correct": True},
                    {"text": "Sức mạnh cộng đồng", "correct": False},
                    {"text": "Khả năng xuất khẩu", "correct": False},
                ],
            },
            {
                "kind": "true_false",
                "text": "Sản phẩm đạt 2 sao được cấp giấy chứng nhận sản phẩm OCOP.",
                "explanation": ("Sai. Chỉ sản phẩm đạt từ 3 sao trở lên mới được công nhận và cấp giấy chứng nhận."),
                "choices": [
                    {"text": "Đúng", "correct": False},
                    {"text": "Sai", "correct": True},
                ],
            },
            {
                "kind": "true_false",
                "text": (
                    "Khi tính giá bán trên sàn thương mại điện tử, cần tính cả phí sàn, phí thanh "
                    "toán và chi phí đóng gói."
                ),
                "explanation": (
                    "Đúng. Bỏ qua các khoản phí này là nguyên nhân phổ biến khiến người bán càng bán càng lỗ."
                ),
                "choices": [
                    {"text": "Đúng", "correct": True},
                    {"text": "Sai", "correct": False},
                ],
            },
        ],
    },
}

# ---------------------------------------------------------------------------
# Mô-đun 7: Phương pháp giảng dạy cho người lớn
# ---------------------------------------------------------------------------

_TOT_M7 = {
    "slug": "phuong-phap-giang-day-cho-nguoi-lon",
    "title": "Phương pháp giảng dạy cho người lớn",
    "intro": (
        "Giảng viên nguồn không chỉ cần biết nội dung mà còn phải tổ chức được buổi học khiến "
        "người lớn tham gia tích cực và áp dụng được. Mô-đun trình bày các nguyên tắc học tập "
        "của người lớn, chu trình học qua trải nghiệm, cách thiết kế một buổi học, kỹ năng "
        "điều phối, và quy trình giảng thử, đánh giá để được chứng nhận giảng viên nguồn và "
        "tổ chức lớp lan tỏa tại địa bàn."
    ),
    "lessons": [
        {
            "slug": "nguoi-lon-hoc-nhu-the-nao",
            "title": "Người lớn học như thế nào?",
            "minutes": 75,
            "body": [
                ("heading", "Sáu đặc điểm của người học trưởng thành"),
                (
                    "paragraph",
                    "<p>Theo Malcolm Knowles, người lớn học khác trẻ em ở sáu điểm. Mỗi điểm "
                    "gợi ý một việc giảng viên cần làm:</p>"
                    "<ol>"
                    "<li><b>Cần biết vì sao phải học</b> → mở đầu bằng lợi ích cụ thể với công "
                    "việc, cuộc sống của họ.</li>"
                    "<li><b>Muốn tự chủ</b> → cho lựa chọn (chọn tình huống, chọn sản phẩm để "
                    "phân tích), tránh áp đặt.</li>"
                    "<li><b>Có nhiều kinh nghiệm</b> → khai thác kinh nghiệm của lớp; kinh "
                    "nghiệm là học liệu.</li>"
                    "<li><b>Sẵn sàng học khi gặp vấn đề thực tế</b> → gắn bài học với việc họ "
                    "đang làm hoặc sắp làm.</li>"
                    "<li><b>Định hướng giải quyết vấn đề</b> → tổ chức theo tình huống, bài "
                    "toán, không theo chương mục lý thuyết.</li>"
                    "<li><b>Động lực từ bên trong</b> → ghi nhận, tôn trọng, tạo cảm giác tiến "
                    "bộ rõ ràng.</li>"
                    "</ol>",
                ),
                (
                    "paragraph",
                    "<p><b>Chu trình học qua trải nghiệm (David Kolb)</b> — khung thiết kế cho "
                    "mọi hoạt động trong khóa học này:</p>"
                    "<ol>"
                    "<li><b>Trải nghiệm cụ thể</b>: làm một hoạt động, nghe một tình huống.</li>"
                    "<li><b>Quan sát, suy ngẫm</b>: “Điều gì đã xảy ra? Anh/chị cảm thấy thế "
                    "nào?”</li>"
                    "<li><b>Khái quát hóa</b>: “Rút ra nguyên tắc gì?” — lúc này giảng viên bổ "
                    "sung lý thuyết.</li>"
                    "<li><b>Thử nghiệm, áp dụng</b>: “Anh/chị sẽ áp dụng thế nào vào việc của "
                    "mình?”</li>"
                    "</ol>"
                    "<p>Quy tắc thực hành: đổi hình thức hoạt động sau mỗi 15–20 phút; thời "
                    "gian giảng viên nói không quá khoảng một phần ba buổi học.</p>",
                ),
                (
                    "paragraph",
                    "<p><b>Điều chỉnh theo nhóm người học ở cơ sở:</b></p>"
                    "<ul>"
                    "<li><b>Cán bộ, công chức, viên chức</b>: nhấn mạnh chính sách, vai trò kết "
                    "nối và hỗ trợ; dùng ví dụ cải tiến dịch vụ công.</li>"
                    "<li><b>Phụ nữ, hội viên ở nông thôn</b>: chọn giờ học phù hợp mùa vụ và "
                    "việc gia đình; ít chữ, nhiều hình ảnh; dùng chính sản phẩm của họ.</li>"
                    "<li><b>Thanh niên, học sinh, sinh viên</b>: trò chơi, thử thách, công cụ "
                    "số, cuộc thi; cho thời gian làm nhóm nhiều hơn.</li>"
                    "<li><b>Chủ thể OCOP, doanh nhân</b>: phân tích sản phẩm thật, số liệu thật; "
                    "mời người thành công chia sẻ.</li>"
                    "</ul>",
                ),
                (
                    "case_study",
                    {
                        "name": "Lớp tập huấn khởi nghiệp ở một xã vùng cao",
                        "area": "Nam Trà My",
                        "summary": (
                            "<p>Buổi đầu, giảng viên dùng 40 trang chiếu nhiều chữ; học viên — "
                            "phần lớn là phụ nữ đồng bào dân tộc thiểu số trồng dược liệu — im "
                            "lặng và nhiều người ra về giữa buổi. Buổi thứ hai, giảng viên phối "
                            "hợp với một cán bộ Hội Phụ nữ người địa phương để hỗ trợ ngôn ngữ, "
                            "bỏ gần hết trang chiếu, mang cây giống, sản phẩm và bao bì thật để "
                            "thảo luận, dùng tranh vẽ bức tranh mô hình kinh doanh thay cho chữ. "
                            "Học viên tham gia sôi nổi, tự tính được giá bán cho sản phẩm của "
                            "mình.</p>"
                        ),
                        "takeaway": (
                            "Phương pháp phải phù hợp với người học: ngôn ngữ, hình ảnh, đồ vật "
                            "thật và kinh nghiệm của họ quan trọng hơn trang chiếu đẹp."
                        ),
                    },
                ),
                (
                    "exercise",
                    {
                        "title": "Thiết kế lại một buổi “thuyết giảng”",
                        "instructions": (
                            "<p>Nhóm nhận một đề cương 45 phút chỉ gồm thuyết giảng về chủ đề "
                            "“Các nguồn vốn cho khởi nghiệp”. Thiết kế lại theo chu trình Kolb "
                            "cho một nhóm người học cụ thể (chọn một trong bốn nhóm trên): mỗi "
                            "bước dùng hoạt động gì, bao nhiêu phút, câu hỏi dẫn dắt nào. Trình "
                            "bày trên giấy A3 dưới dạng bảng thời gian.</p>"
                        ),
                        "minutes": 25,
                    },
                ),
            ],
            "guide": {
                "steps": [
                    {
                        "minutes": 10,
                        "activity": (
                            "Hỏi: “Hãy nhớ lại một buổi học/tập huấn đáng nhớ nhất của anh/chị. "
                            "Điều gì làm nó đáng nhớ?” — ghi đặc điểm lên bảng."
                        ),
                        "materials": "Bảng, giấy ghi chú",
                    },
                    {
                        "minutes": 20,
                        "activity": (
                            "Trình bày sáu đặc điểm (đối chiếu với danh sách trên bảng) và chu "
                            "trình Kolb; chỉ ra rằng buổi học này đang đi theo chu trình đó."
                        ),
                        "materials": "Slide, sơ đồ chu trình Kolb",
                    },
                    {
                        "minutes": 10,
                        "activity": (
                            "Thảo luận tình huống lớp học ở xã vùng cao và bảng điều chỉnh theo nhóm người học."
                        ),
                        "materials": "Phiếu tình huống",
                    },
                    {
                        "minutes": 30,
                        "activity": (
                            "Bài tập thiết kế lại buổi thuyết giảng; phòng tranh (gallery walk) để xem bài các nhóm."
                        ),
                        "materials": "Giấy A3, bút màu, băng dính",
                    },
                    {
                        "minutes": 5,
                        "activity": ("Tổng kết: mỗi người viết một thay đổi sẽ áp dụng trong lớp của mình."),
                        "materials": "Giấy ghi chú",
                    },
                ],
                "notes": (
                    "<p>Bản thân giảng viên phải làm mẫu: bài này tuyệt đối không nên thuyết "
                    "giảng dài. Hoạt động khởi động tạo “trải nghiệm cụ thể” để cả lớp suy "
                    "ngẫm.</p><p>Khi nói về đồng bào dân tộc thiểu số, tránh khái quát hóa hoặc "
                    "định kiến; nhấn mạnh phối hợp với cán bộ, người uy tín tại chỗ.</p>"
                ),
            },
        },
        {
            "slug": "thiet-ke-buoi-hoc-va-ky-nang-dieu-phoi",
            "title": "Thiết kế một buổi học và kỹ năng điều phối",
            "minutes": 90,
            "body": [
                ("heading", "Bắt đầu từ mục tiêu"),
                (
                    "paragraph",
                    "<p>Mục tiêu buổi học mô tả điều người học <b>làm được</b> sau buổi học, "
                    "dùng động từ đo lường được (theo thang Bloom: nhớ → hiểu → vận dụng → phân "
                    "tích → đánh giá → sáng tạo).</p>"
                    "<ul>"
                    "<li>Chưa tốt: “Học viên hiểu về mô hình kinh doanh.”</li>"
                    "<li>Tốt: “Sau buổi học, học viên <b>điền được</b> đủ chín ô bức tranh mô "
                    "hình kinh doanh cho sản phẩm của mình và <b>chỉ ra</b> ba giả định cần "
                    "kiểm chứng.”</li>"
                    "</ul>"
                    "<p>Một buổi 90–120 phút chỉ nên có 2–3 mục tiêu.</p>",
                ),
                (
                    "paragraph",
                    "<p><b>Cấu trúc bốn phần của một buổi học</b>:</p>"
                    "<ol>"
                    "<li><b>Mở đầu (10–15%)</b>: làm quen, khởi động, nêu mục tiêu và lợi ích, "
                    "thỏa thuận lớp học.</li>"
                    "<li><b>Khám phá (25–30%)</b>: tình huống, câu hỏi, trình bày ngắn.</li>"
                    "<li><b>Thực hành (40–50%)</b>: bài tập nhóm, đóng vai, làm trên sản phẩm "
                    "thật.</li>"
                    "<li><b>Tổng kết (10%)</b>: rút ra bài học, cam kết hành động, đánh giá "
                    "nhanh.</li>"
                    "</ol>"
                    "<p><b>Mẫu kế hoạch buổi học</b> gồm các cột: <i>Thời gian – Hoạt động – "
                    "Mục tiêu liên quan – Học liệu – Người phụ trách – Ghi chú</i>. Luôn có "
                    "phương án dự phòng khi mất điện, máy chiếu hỏng hoặc lớp đến muộn.</p>",
                ),
                (
                    "paragraph",
                    "<p><b>Kỹ năng điều phối</b>:</p>"
                    "<ul>"
                    "<li><b>Thỏa thuận lớp học</b> do học viên đề xuất (đúng giờ, điện thoại "
                    "chế độ im lặng, tôn trọng ý kiến khác).</li>"
                    "<li><b>Câu hỏi mở</b> (“Điều gì...?”, “Vì sao...?”, “Nếu... thì sao?”) và "
                    "chờ 5–10 giây sau khi hỏi.</li>"
                    "<li><b>Bãi đỗ xe</b>: tờ giấy ghi câu hỏi ngoài lề để trả lời sau.</li>"
                    "<li><b>Kỹ thuật nhóm</b>: động não, chia nhóm theo cặp, phòng tranh, bể cá, "
                    "bỏ phiếu bằng chấm dán.</li>"
                    "</ul>"
                    "<p><b>Xử lý tình huống khó:</b> người nói quá nhiều — cảm ơn, tóm tắt ý và "
                    "mời người khác; người im lặng — giao vai thư ký hoặc hỏi trong nhóm nhỏ; "
                    "người phản bác — ghi nhận, hỏi căn cứ, mời lớp cùng thảo luận; lãnh đạo "
                    "ngồi trong lớp — trao đổi trước để họ khuyến khích thay vì kết luận.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "text": (
                            "Danh sách chuẩn bị hậu cần: phòng bố trí bàn theo nhóm; máy chiếu và "
                            "phương án không máy chiếu; giấy A0, giấy ghi chú, bút dạ; danh sách "
                            "học viên; phiếu kiểm tra đầu vào – đầu ra; phiếu đánh giá; nước "
                            "uống; máy ảnh để lưu minh chứng."
                        ),
                    },
                ),
                (
                    "case_study",
                    {
                        "name": "Lớp lan tỏa cho đoàn viên ở một phường",
                        "area": "Điện Bàn",
                        "summary": (
                            "<p>Một giảng viên nguồn chuẩn bị lớp 2 giờ cho 40 đoàn viên. Kế "
                            "hoạch ban đầu có 6 mục tiêu và 70 phút trình bày. Khi được đồng "
                            "nghiệp góp ý, anh rút còn 2 mục tiêu (xác định vấn đề khách hàng; "
                            "viết một thẻ thử nghiệm), cắt trình bày còn 25 phút, dành 60 phút "
                            "cho các nhóm phỏng vấn thử người bán hàng ở chợ gần đó rồi quay lại "
                            "trình bày. Phiếu đánh giá cho thấy 90% học viên muốn tham gia Ngày "
                            "hội khởi nghiệp của thành phố.</p>"
                        ),
                        "takeaway": ("Ít mục tiêu hơn, nhiều thực hành hơn thường mang lại kết quả tốt hơn."),
                    },
                ),
                (
                    "exercise",
                    {
                        "title": "Lập kế hoạch buổi học 90 phút",
                        "instructions": (
                            "<p>Mỗi học viên chọn một bài học trong mô-đun 1–6 và một nhóm người "
                            "học ở địa bàn mình. Lập kế hoạch buổi học 90 phút theo mẫu: 2–3 mục "
                            "tiêu đo lường được; hoạt động theo cấu trúc bốn phần; học liệu; một "
                            "phương án dự phòng. Trao đổi với một bạn cùng nhóm để góp ý theo ba "
                            "câu hỏi: mục tiêu có đo được không? Thời gian thực hành có đủ "
                            "không? Có hoạt động nào quá khó với nhóm người học không? Bản kế "
                            "hoạch này sẽ dùng cho buổi giảng thử ở bài sau.</p>"
                        ),
                        "minutes": 40,
                    },
                ),
            ],
            "guide": {
                "steps": [
                    {
                        "minutes": 10,
                        "activity": ("Cho lớp xem hai mục tiêu (một tốt, một chưa tốt) và hỏi khác nhau ở đâu."),
                        "materials": "Slide",
                    },
                    {
                        "minutes": 20,
                        "activity": ("Trình bày mục tiêu, cấu trúc bốn phần, mẫu kế hoạch và kỹ năng điều phối."),
                        "materials": "Slide, mẫu kế hoạch buổi học",
                    },
                    {
                        "minutes": 15,
                        "activity": (
                            "Đóng vai xử lý tình huống khó: giảng viên đóng vai “học viên khó”, "
                            "học viên thay nhau điều phối."
                        ),
                        "materials": "Thẻ tình huống khó",
                    },
                    {
                        "minutes": 40,
                        "activity": "Bài tập lập kế hoạch buổi học cá nhân và góp ý theo cặp.",
                        "materials": "Mẫu kế hoạch (giấy hoặc tệp điện tử)",
                    },
                    {
                        "minutes": 5,
                        "activity": "Tổng kết; phân công lịch giảng thử cho bài sau.",
                        "materials": "Lịch giảng thử",
                    },
                ],
                "notes": (
                    "<p>Thu lại bản kế hoạch để xem trước khi giảng thử; góp ý bằng văn bản ngắn "
                    "cho từng người.</p><p>Trong phần đóng vai, giữ không khí vui vẻ; mục tiêu "
                    "là luyện phản xạ, không làm ai bẽ mặt.</p>"
                ),
            },
        },
        {
            "slug": "giang-thu-danh-gia-va-chung-nhan",
            "title": "Giảng thử, đánh giá và chứng nhận giảng viên nguồn",
            "minutes": 150,
            "body": [
                ("heading", "Giảng thử (teach-back): học dạy bằng cách dạy"),
                (
                    "paragraph",
                    "<p>Mỗi học viên giảng một đoạn trong kế hoạch buổi học đã chuẩn bị, trước "
                    "nhóm 5–6 người đóng vai người học. Quy trình cho mỗi lượt (30 phút):</p>"
                    "<ol>"
                    "<li><b>Giảng thử 15 phút</b>, có ít nhất một hoạt động tương tác.</li>"
                    "<li><b>Tự nhận xét 3 phút</b>: điều mình hài lòng, điều muốn làm khác.</li>"
                    "<li><b>Góp ý 10 phút</b> theo mô hình: <i>Điều đã làm tốt – Điều có thể "
                    "tốt hơn – Gợi ý cụ thể</i>. Góp ý về hành vi quan sát được, không nhận "
                    "xét con người.</li>"
                    "<li><b>Chấm theo phiếu 2 phút</b>.</li>"
                    "</ol>",
                ),
                (
                    "paragraph",
                    "<p><b>Phiếu chấm giảng thử</b> (thang 1–4 cho mỗi tiêu chí):</p>"
                    "<ul>"
                    "<li>Mục tiêu rõ ràng và được nêu với người học.</li>"
                    "<li>Nội dung chính xác, cập nhật, có ví dụ địa phương.</li>"
                    "<li>Phương pháp có sự tham gia, phù hợp nhóm người học.</li>"
                    "<li>Quản lý thời gian và chuyển tiếp giữa các hoạt động.</li>"
                    "<li>Giao tiếp, đặt câu hỏi và xử lý câu hỏi của người học.</li>"
                    "</ul>",
                ),
                (
                    "paragraph",
                    "<p><b>Đánh giá lớp lan tỏa theo bốn cấp độ (Kirkpatrick):</b></p>"
                    "<ol>"
                    "<li><b>Phản ứng</b>: người học có hài lòng, thấy hữu ích không? → phiếu "
                    "đánh giá cuối buổi.</li>"
                    "<li><b>Học tập</b>: người học có tiến bộ về kiến thức, kỹ năng không? → "
                    "bài kiểm tra đầu vào và đầu ra.</li>"
                    "<li><b>Hành vi</b>: sau 1–3 tháng, người học có áp dụng không? → gọi điện, "
                    "khảo sát: số người đã phỏng vấn khách hàng, đăng ký Ngày hội khởi nghiệp, "
                    "nộp hồ sơ OCOP.</li>"
                    "<li><b>Kết quả</b>: tác động đến địa phương → số dự án, sản phẩm được "
                    "nâng cấp, doanh nghiệp, hợp tác xã thành lập.</li>"
                    "</ol>"
                    "<p>Minh chứng cần lưu cho mỗi lớp lan tỏa: kế hoạch buổi học, danh sách "
                    "học viên, ảnh, kết quả kiểm tra đầu vào – đầu ra, tổng hợp phiếu đánh giá, "
                    "báo cáo ngắn gửi đơn vị quản lý chương trình.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "info",
                        "text": (
                            "Điều kiện chứng nhận giảng viên nguồn do quy chế của chương trình "
                            "quy định. Ví dụ thường dùng: hoàn thành đủ 7 mô-đun, đạt các bài "
                            "kiểm tra từ 70% trở lên, đạt yêu cầu giảng thử, và tổ chức ít nhất "
                            "một lớp lan tỏa có báo cáo đầy đủ minh chứng."
                        ),
                    },
                ),
                (
                    "case_study",
                    {
                        "name": "Giảng viên nguồn tổ chức lớp cho Hội Phụ nữ xã",
                        "area": "Đại Lộc",
                        "summary": (
                            "<p>Sau khi được chứng nhận, một cán bộ Hội Phụ nữ tổ chức lớp nửa "
                            "ngày cho 30 hội viên. Chị dùng bài kiểm tra đầu vào 5 câu bằng hình "
                            "thức giơ thẻ màu (vì nhiều hội viên ngại viết), bài tập tính giá "
                            "bán cho chính sản phẩm của hội viên, và phiếu đánh giá bằng hình "
                            "mặt cười. Ba tháng sau, chị gọi điện lại cho từng người: 11 hội viên "
                            "đã thay đổi cách tính giá, 4 người tham gia gian hàng tại Ngày hội "
                            "khởi nghiệp, 1 tổ hợp tác đăng ký ý tưởng sản phẩm OCOP.</p>"
                        ),
                        "takeaway": (
                            "Đánh giá không cần phức tạp, nhưng cần đủ bốn cấp độ và có theo dõi "
                            "sau lớp học để chứng minh hiệu quả."
                        ),
                    },
                ),
                (
                    "exercise",
                    {
                        "title": "Thực hành giảng thử",
                        "instructions": (
                            "<p>Chia nhóm 5–6 người, mỗi nhóm có một người điều phối giữ thời "
                            "gian. Lần lượt từng học viên giảng thử 15 phút theo kế hoạch đã lập "
                            "ở bài trước; các thành viên khác đóng vai người học (theo nhóm người "
                            "học mà người giảng chọn), sau đó góp ý và chấm theo phiếu. Cuối "
                            "buổi, mỗi người viết kế hoạch lớp lan tỏa đầu tiên: thời gian, địa "
                            "điểm, đối tượng, số lượng, đơn vị phối hợp, cách đánh giá.</p>"
                        ),
                        "minutes": 120,
                    },
                ),
            ],
            "guide": {
                "steps": [
                    {
                        "minutes": 10,
                        "activity": "Giới thiệu quy trình giảng thử, mô hình góp ý và phiếu chấm.",
                        "materials": "Phiếu chấm, đồng hồ bấm giờ",
                    },
                    {
                        "minutes": 10,
                        "activity": ("Trình bày bốn cấp độ đánh giá và minh chứng lớp lan tỏa; điều kiện chứng nhận."),
                        "materials": "Slide, mẫu báo cáo lớp lan tỏa",
                    },
                    {
                        "minutes": 110,
                        "activity": (
                            "Giảng thử theo nhóm song song (mỗi phòng/góc một nhóm, có giảng "
                            "viên chính luân phiên quan sát)."
                        ),
                        "materials": ("Phòng hoặc góc riêng cho từng nhóm, học liệu học viên tự chuẩn bị"),
                    },
                    {
                        "minutes": 20,
                        "activity": (
                            "Tổng kết: rút kinh nghiệm chung, học viên hoàn thành kế hoạch lớp "
                            "lan tỏa đầu tiên; giới thiệu bài kiểm tra cuối mô-đun."
                        ),
                        "materials": "Mẫu kế hoạch lớp lan tỏa",
                    },
                ],
                "notes": (
                    "<p>Với lớp đông, số lượt giảng thử có thể vượt quá thời lượng một buổi; chia "
                    "thành nhiều buổi hoặc dùng video giảng thử quay trước. Mỗi nhóm nên có một "
                    "người quan sát đã được chứng nhận.</p><p>Tạo không khí an toàn: nhắc lại "
                    "rằng góp ý là về hành vi, không phải con người. Chỉ ra ít nhất hai điểm tốt "
                    "trước khi đưa gợi ý.</p>"
                ),
            },
        },
    ],
    "quiz": {
        "slug": "kiem-tra-phuong-phap-giang-day",
        "title": "Kiểm tra mô-đun 7: Phương pháp giảng dạy cho người lớn",
        "pass_mark": 70,
        "questions": [
            {
                "kind": "single",
                "text": "Thứ tự đúng của chu trình học qua trải nghiệm (Kolb) là gì?",
                "explanation": (
                    "Chu trình Kolb: trải nghiệm cụ thể → quan sát, suy ngẫm → khái quát hóa → thử nghiệm, áp dụng."
                ),
                "choices": [
                    {
                        "text": "Khái quát hóa → trải nghiệm → suy ngẫm → áp dụng",
                        "correct": False,
                    },
                    {
                        "text": "Trải nghiệm cụ thể → quan sát, suy ngẫm → khái quát hóa → áp dụng",
                        "correct": True,
                    },
                    {
                        "text": "Thuyết giảng → kiểm tra → chấm điểm → cấp chứng nhận",
                        "correct": False,
                    },
                    {
                        "text": "Áp dụng → khái quát hóa → trải nghiệm → suy ngẫm",
                        "correct": False,
                    },
                ],
            },
            {
                "kind": "multiple",
                "text": ("Những đặc điểm nào đúng với người học trưởng thành? (Chọn tất cả đáp án đúng)"),
                "explanation": (
                    "Người lớn cần biết vì sao phải học, muốn tự chủ, mang nhiều kinh nghiệm và "
                    "định hướng giải quyết vấn đề. Họ không học tốt nhất bằng nghe giảng một "
                    "chiều kéo dài."
                ),
                "choices": [
                    {"text": "Cần biết vì sao phải học", "correct": True},
                    {"text": "Có nhiều kinh nghiệm có thể làm học liệu", "correct": True},
                    {
                        "text": "Học tốt nhất khi nghe giảng một chiều liên tục 2 giờ",
                        "correct": False,
                    },
                    {"text": "Định hướng giải quyết vấn đề thực tế", "correct": True},
                ],
            },
            {
                "kind": "single",
                "text": "Mục tiêu buổi học nào được viết tốt nhất?",
                "explanation": ("Mục tiêu tốt mô tả hành vi đo lường được mà người học làm được sau buổi học."),
                "choices": [
                    {"text": "Học viên hiểu về khởi nghiệp.", "correct": False},
                    {"text": "Giới thiệu Đề án 844 cho học viên.", "correct": False},
                    {
                        "text": "Học viên tính được sản lượng hòa vốn cho sản phẩm của mình.",
                        "correct": True,
                    },
                    {"text": "Học viên nắm vững kiến thức về gọi vốn.", "correct": False},
                ],
            },
            {
                "kind": "true_false",
                "text": (
                    "Cấp độ 3 (hành vi) trong mô hình Kirkpatrick đánh giá việc người học có áp "
                    "dụng kiến thức vào thực tế sau khóa học hay không."
                ),
                "explanation": ("Đúng. Cấp độ 3 thường được đo sau 1–3 tháng bằng khảo sát, phỏng vấn, quan sát."),
                "choices": [
                    {"text": "Đúng", "correct": True},
                    {"text": "Sai", "correct": False},
                ],
            },
            {
                "kind": "true_false",
                "text": ("Khi góp ý giảng thử, nên nhận xét về tính cách của người giảng thay vì hành vi cụ thể."),
                "explanation": (
                    "Sai. Góp ý hiệu quả tập trung vào hành vi quan sát được và kèm gợi ý cụ "
                    "thể, không nhận xét con người."
                ),
                "choices": [
                    {"text": "Đúng", "correct": False},
                    {"text": "Sai", "correct": True},
                ],
            },
        ],
    },
}

# ---------------------------------------------------------------------------
# KHÓA 2 — KHỞI NGHIỆP CHO HỌC SINH, SINH VIÊN
# ---------------------------------------------------------------------------

_STUDENT_M1 = {
    "slug": "hanh-trang-khoi-nghiep-cho-hoc-sinh-sinh-vien",
    "title": "Hành trang khởi nghiệp cho học sinh, sinh viên",
    "intro": (
        "Mô-đun giúp học sinh, sinh viên và thanh niên đi từ việc quan sát vấn đề quanh mình "
        "đến một ý tưởng được kiểm chứng sơ bộ, một mô hình kinh doanh tinh gọn trên một trang "
        "giấy và bài thuyết trình ngắn để tham gia câu lạc bộ, cuộc thi khởi nghiệp."
    ),
    "lessons": [
        {
            "slug": "tim-y-tuong-tu-van-de-quanh-em",
            "title": "Tìm ý tưởng từ những vấn đề quanh mình",
            "minutes": 45,
            "body": [
                ("heading", "Ý tưởng tốt bắt đầu từ một vấn đề thật"),
                (
                    "paragraph",
                    "<p>Người khởi nghiệp giỏi thường không bắt đầu bằng câu “mình sẽ làm ứng "
                    "dụng gì?” mà bằng câu “<b>ai đang gặp khó khăn gì?</b>”. Bốn nơi để tìm vấn "
                    "đề:</p>"
                    "<ul>"
                    "<li><b>Bản thân</b>: điều gì làm bạn bực mình, tốn thời gian mỗi ngày?</li>"
                    "<li><b>Trường học, ký túc xá</b>: ăn uống, đi lại, tài liệu học tập, việc "
                    "làm thêm.</li>"
                    "<li><b>Gia đình</b>: công việc của bố mẹ, ông bà — nông nghiệp, buôn bán, "
                    "nghề thủ công.</li>"
                    "<li><b>Quê hương</b>: sản phẩm địa phương khó bán, du lịch, môi trường, "
                    "thiên tai.</li>"
                    "</ul>",
                ),
                (
                    "paragraph",
                    "<p><b>Bộ lọc ba câu hỏi</b> để chọn vấn đề đáng theo đuổi:</p>"
                    "<ol>"
                    "<li>Vấn đề có <b>thật</b> và <b>thường xuyên</b> không (không phải chỉ "
                    "mình bạn gặp một lần)?</li>"
                    "<li>Có <b>nhiều người</b> gặp và họ có sẵn sàng bỏ thời gian, tiền để giải "
                    "quyết không?</li>"
                    "<li>Nhóm bạn có <b>lợi thế</b> gì (hiểu biết, kỹ năng, mối quan hệ) để giải "
                    "quyết tốt hơn người khác?</li>"
                    "</ol>"
                    "<p>Sau khi chọn, viết lại vấn đề thành câu hỏi “<b>Làm thế nào để...</b>” — "
                    "ví dụ: “Làm thế nào để học sinh lớp 12 có sách tham khảo với chi phí thấp "
                    "hơn?”</p>",
                ),
                (
                    "case_study",
                    {
                        "name": "Nhóm học sinh trung học phổ thông và chợ sách cũ",
                        "area": "Tam Kỳ",
                        "summary": (
                            "<p>Một nhóm học sinh lớp 11 nhận thấy mỗi năm các bạn lớp 12 mua "
                            "nhiều sách tham khảo đắt tiền, dùng xong một năm thì bỏ. Thay vì làm "
                            "ứng dụng ngay, nhóm lập một nhóm trên mạng xã hội của trường để ký "
                            "gửi sách cũ, thu phí nhỏ mỗi cuốn bán được để góp vào quỹ lớp. Sau "
                            "một học kỳ, hơn 300 cuốn sách được trao đổi; nhóm mang kết quả này "
                            "đi dự cuộc thi ý tưởng khởi nghiệp của tỉnh đoàn.</p>"
                        ),
                        "takeaway": (
                            "Ý tưởng đơn giản, giải quyết vấn đề thật và được thử nghiệm ngay "
                            "thường thuyết phục hơn ý tưởng phức tạp chỉ nằm trên giấy."
                        ),
                    },
                ),
                (
                    "exercise",
                    {
                        "title": "Săn vấn đề trong 10 phút",
                        "instructions": (
                            "<p>Mỗi bạn viết ít nhất 10 vấn đề từ bốn nguồn trên, mỗi vấn đề một "
                            "tờ giấy ghi chú. Nhóm dán tất cả lên bảng, gộp các vấn đề giống "
                            "nhau, rồi mỗi bạn có 3 chấm dán để bình chọn. Với vấn đề được chọn "
                            "nhiều nhất, trả lời bộ lọc ba câu hỏi và viết câu “Làm thế nào "
                            "để...”.</p>"
                        ),
                        "minutes": 20,
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "text": (
                            "Gợi ý mang về: viết “sổ tay vấn đề” trong 7 ngày — mỗi ngày ghi ít "
                            "nhất 3 điều bất tiện bạn hoặc người xung quanh gặp phải."
                        ),
                    },
                ),
            ],
            "guide": {
                "steps": [
                    {
                        "minutes": 5,
                        "activity": "Trò chơi khởi động: kể nhanh một điều bất tiện gặp sáng nay.",
                        "materials": "",
                    },
                    {
                        "minutes": 10,
                        "activity": ("Trình bày bốn nguồn vấn đề, bộ lọc ba câu hỏi, câu “Làm thế nào để...”."),
                        "materials": "Slide hoặc bảng",
                    },
                    {
                        "minutes": 5,
                        "activity": "Đọc và thảo luận tình huống chợ sách cũ.",
                        "materials": "Phiếu tình huống",
                    },
                    {
                        "minutes": 20,
                        "activity": "Bài tập săn vấn đề và bình chọn theo nhóm.",
                        "materials": "Giấy ghi chú, chấm dán, bút dạ",
                    },
                    {
                        "minutes": 5,
                        "activity": ("Các nhóm đọc câu “Làm thế nào để...”; giao nhiệm vụ sổ tay vấn đề."),
                        "materials": "",
                    },
                ],
                "notes": (
                    "<p>Với học sinh trung học, giữ nhịp nhanh và nhiều vận động. Khuyến khích "
                    "vấn đề gần gũi; không chê ý tưởng “nhỏ”.</p><p>Nếu nhóm chọn vấn đề quá "
                    "rộng (ví dụ “ô nhiễm môi trường”), hỏi: “Ở đâu? Ai bị ảnh hưởng? Lúc "
                    "nào?” để thu hẹp.</p>"
                ),
            },
        },
        {
            "slug": "kiem-chung-y-tuong-va-mo-hinh-tinh-gon",
            "title": "Kiểm chứng ý tưởng và mô hình kinh doanh tinh gọn",
            "minutes": 60,
            "body": [
                ("heading", "Hỏi 5 người trước khi làm"),
                (
                    "paragraph",
                    "<p>Trước khi bỏ công sức làm sản phẩm, hãy nói chuyện với ít nhất <b>5 "
                    "người</b> gặp vấn đề. Ba quy tắc:</p>"
                    "<ul>"
                    "<li>Hỏi về việc họ <b>đã làm</b>, không hỏi “bạn có mua không?”.</li>"
                    "<li>Lắng nghe nhiều hơn nói; không giới thiệu ý tưởng ở đầu cuộc trò "
                    "chuyện.</li>"
                    "<li>Ghi lại câu nói nguyên văn và những cam kết (đăng ký, đặt trước).</li>"
                    "</ul>"
                    "<p>Câu hỏi mẫu: “Lần gần nhất bạn gặp chuyện này là khi nào?”, “Bạn đã "
                    "xử lý thế nào?”, “Việc đó tốn của bạn bao nhiêu thời gian, tiền bạc?”</p>",
                ),
                (
                    "paragraph",
                    "<p><b>Mô hình kinh doanh tinh gọn trên một trang</b> (Lean Canvas) gồm 9 "
                    "ô:</p>"
                    "<ol>"
                    "<li><b>Vấn đề</b>: 1–3 vấn đề quan trọng nhất.</li>"
                    "<li><b>Khách hàng</b>: ai gặp vấn đề; ai là người dùng thử đầu tiên.</li>"
                    "<li><b>Giá trị độc đáo</b>: một câu nói vì sao khác biệt.</li>"
                    "<li><b>Giải pháp</b>: 1–3 tính năng chính.</li>"
                    "<li><b>Kênh</b>: tiếp cận khách hàng bằng cách nào.</li>"
                    "<li><b>Doanh thu</b>: ai trả tiền, bao nhiêu.</li>"
                    "<li><b>Chi phí</b>: những khoản chi chính.</li>"
                    "<li><b>Chỉ số chính</b>: con số cho biết dự án đang tiến bộ.</li>"
                    "<li><b>Lợi thế khó sao chép</b>: điều người khác khó bắt chước.</li>"
                    "</ol>",
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "text": (
                            "Khi phỏng vấn người lạ, đi theo nhóm, chọn nơi công cộng và giới "
                            "thiệu rõ mình là học sinh, sinh viên đang làm dự án học tập. Không "
                            "thu thập thông tin cá nhân không cần thiết."
                        ),
                    },
                ),
                (
                    "case_study",
                    {
                        "name": "Nhóm sinh viên và dịch vụ bữa sáng cho ký túc xá",
                        "area": "Tam Kỳ",
                        "summary": (
                            "<p>Một nhóm sinh viên định mở quầy bán đồ ăn sáng “healthy” trong ký "
                            "túc xá. Sau khi hỏi 12 bạn, nhóm phát hiện điều sinh viên cần nhất "
                            "là <b>ăn nhanh trước giờ học 7 giờ sáng với giá dưới 20.000 "
                            "đồng</b>, không phải thực đơn “healthy”. Nhóm thử bán 50 suất bánh mì "
                            "và sữa đậu nành đặt trước qua nhóm chat, giao tận phòng. Sau hai "
                            "tuần, "
                            "60% khách đặt lại — đủ bằng chứng để nhóm tiếp tục.</p>"
                        ),
                        "takeaway": "Phỏng vấn trước giúp thay đổi giải pháp trước khi tốn tiền.",
                    },
                ),
                (
                    "exercise",
                    {
                        "title": "Phỏng vấn nhanh và điền mô hình một trang",
                        "instructions": (
                            "<p><b>Phần 1 (15 phút).</b> Mỗi thành viên phỏng vấn 2 bạn ở nhóm "
                            "khác về vấn đề nhóm mình đã chọn ở bài trước, ghi câu nói nguyên "
                            "văn.</p>"
                            "<p><b>Phần 2 (15 phút).</b> Nhóm điền 9 ô mô hình kinh doanh tinh "
                            "gọn, đánh dấu ô nào dựa trên bằng chứng phỏng vấn, ô nào còn là đoán "
                            "mò.</p>"
                        ),
                        "minutes": 30,
                    },
                ),
            ],
            "guide": {
                "steps": [
                    {
                        "minutes": 5,
                        "activity": "Kiểm tra sổ tay vấn đề; 2 bạn chia sẻ vấn đề thú vị nhất.",
                        "materials": "",
                    },
                    {
                        "minutes": 15,
                        "activity": "Trình bày quy tắc phỏng vấn và 9 ô mô hình tinh gọn.",
                        "materials": "Slide, khung mô hình in A3",
                    },
                    {
                        "minutes": 5,
                        "activity": "Đọc tình huống bữa sáng ký túc xá.",
                        "materials": "Phiếu tình huống",
                    },
                    {
                        "minutes": 30,
                        "activity": "Bài tập phỏng vấn chéo và điền mô hình một trang.",
                        "materials": "Khung A3, giấy ghi chú",
                    },
                    {
                        "minutes": 5,
                        "activity": ("Tổng kết; giao nhiệm vụ phỏng vấn thêm 5 người thật ngoài lớp."),
                        "materials": "",
                    },
                ],
                "notes": (
                    "<p>Nhắc lại yêu cầu an toàn khi phỏng vấn ngoài trường, nhất là với học "
                    "sinh chưa thành niên: cần có sự đồng ý của giáo viên, phụ huynh khi đi thực "
                    "tế.</p><p>Không yêu cầu học sinh điền đủ 9 ô hoàn hảo; quan trọng là phân "
                    "biệt được bằng chứng và phỏng đoán.</p>"
                ),
            },
        },
        {
            "slug": "lam-viec-nhom-thuyet-trinh-va-cuoc-thi",
            "title": "Làm việc nhóm, thuyết trình và tham gia cuộc thi khởi nghiệp",
            "minutes": 60,
            "body": [
                ("heading", "Một nhóm khởi nghiệp tốt cần gì?"),
                (
                    "paragraph",
                    "<p>Nhóm khởi nghiệp học sinh, sinh viên hiệu quả thường có 3–5 thành viên "
                    "với các vai trò bổ sung: <b>người hiểu khách hàng</b> (nghiên cứu, bán "
                    "hàng), <b>người làm sản phẩm</b> (kỹ thuật, thiết kế), <b>người quản lý</b> "
                    "(kế hoạch, tài chính, hồ sơ). Ngay từ đầu, hãy viết <b>thỏa thuận nhóm</b> "
                    "một trang:</p>"
                    "<ul>"
                    "<li>Mục tiêu chung và thời gian mỗi người cam kết mỗi tuần.</li>"
                    "<li>Phân công và cách ra quyết định khi bất đồng.</li>"
                    "<li>Ý tưởng, sản phẩm thuộc về ai; xử lý thế nào nếu có người rời nhóm.</li>"
                    "<li>Cách chia tiền thưởng, doanh thu (nếu có).</li>"
                    "</ul>",
                ),
                (
                    "paragraph",
                    "<p><b>Cơ hội dành cho học sinh, sinh viên</b>: Đề án 1665 về hỗ trợ học "
                    "sinh, sinh viên khởi nghiệp khuyến khích các trường thành lập câu lạc bộ "
                    "khởi nghiệp, tổ chức hoạt động ngoại khóa và cuộc thi; hằng năm có Ngày hội "
                    "khởi nghiệp quốc gia của học sinh, sinh viên. Ngoài ra còn có cuộc thi do "
                    "Đoàn Thanh niên, Hội Sinh viên, các trường và Ngày hội khởi nghiệp (Startup "
                    "Day) của địa phương.</p>"
                    "<p><b>Cấu trúc thuyết trình 3 phút</b>: (1) vấn đề — một câu chuyện hoặc "
                    "con số; (2) giải pháp và điều khác biệt; (3) bằng chứng đã kiểm chứng; (4) "
                    "nhóm của bạn; (5) bạn cần gì (cố vấn, địa điểm thử nghiệm, kinh phí).</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "info",
                        "text": (
                            "Khởi nghiệp khi đang đi học nên song hành với việc học, không thay "
                            "thế việc học. Hãy trao đổi với gia đình và giáo viên, sắp xếp thời "
                            "gian hợp lý, và cảnh giác với những lời mời “khởi nghiệp” đòi nộp "
                            "tiền trước hoặc kéo thêm người tham gia."
                        ),
                    },
                ),
                (
                    "case_study",
                    {
                        "name": "Đội thi khởi nghiệp của một trường cao đẳng",
                        "area": "Hội An",
                        "summary": (
                            "<p>Ba sinh viên du lịch có ý tưởng tour đạp xe kết hợp học nấu món "
                            "địa phương. Trước vòng chung kết, một thành viên bỏ đi vì bất đồng "
                            "về chia việc, làm nhóm suýt không đủ người dự thi. Sau cuộc thi, "
                            "nhóm viết thỏa thuận nhóm, bổ sung một bạn học ngành công nghệ "
                            "thông tin và được câu lạc bộ khởi nghiệp của trường giới thiệu cố "
                            "vấn là chủ một công ty lữ hành.</p>"
                        ),
                        "takeaway": ("Thỏa thuận nhóm rõ ràng và vai trò bổ sung quan trọng không kém ý tưởng."),
                    },
                ),
                (
                    "exercise",
                    {
                        "title": "Thuyết trình 1 phút",
                        "instructions": (
                            "<p>Mỗi nhóm có 10 phút chuẩn bị và <b>1 phút</b> thuyết trình ý tưởng "
                            "theo cấu trúc 5 phần. Cả lớp chấm bằng giơ tay cho ba câu hỏi: Tôi "
                            "hiểu vấn đề không? Tôi tin có người cần không? Tôi biết nhóm cần gì "
                            "không? Mỗi nhóm nhận một góp ý “giữ lại” và một góp ý “thay đổi”.</p>"
                        ),
                        "minutes": 30,
                    },
                ),
            ],
            "guide": {
                "steps": [
                    {
                        "minutes": 5,
                        "activity": ("Trò chơi xây tháp bằng giấy trong 3 phút theo nhóm để bàn về vai trò."),
                        "materials": "Giấy A4, băng dính",
                    },
                    {
                        "minutes": 15,
                        "activity": ("Trình bày vai trò, thỏa thuận nhóm, các cơ hội và cấu trúc thuyết trình."),
                        "materials": "Slide, mẫu thỏa thuận nhóm",
                    },
                    {
                        "minutes": 5,
                        "activity": "Thảo luận tình huống đội thi ở Hội An.",
                        "materials": "Phiếu tình huống",
                    },
                    {
                        "minutes": 30,
                        "activity": "Chuẩn bị và thuyết trình 1 phút; góp ý.",
                        "materials": "Đồng hồ bấm giờ",
                    },
                    {
                        "minutes": 5,
                        "activity": ("Tổng kết khóa, giới thiệu câu lạc bộ và cuộc thi sắp tới; làm bài kiểm tra."),
                        "materials": "Thông tin cuộc thi, câu lạc bộ",
                    },
                ],
                "notes": (
                    "<p>Chuẩn bị thông tin cập nhật về câu lạc bộ khởi nghiệp của trường, cuộc "
                    "thi của Đoàn, Hội Sinh viên và Ngày hội khởi nghiệp của thành phố để học sinh "
                    "có bước tiếp theo cụ thể.</p><p>Giữ đúng 1 phút để tạo thói quen ngắn gọn; "
                    "vỗ tay động viên sau mỗi lượt.</p>"
                ),
            },
        },
    ],
    "quiz": {
        "slug": "kiem-tra-khoi-nghiep-hssv",
        "title": "Kiểm tra: Khởi nghiệp cho học sinh, sinh viên",
        "pass_mark": 70,
        "questions": [
            {
                "kind": "single",
                "text": "Cách bắt đầu tìm ý tưởng khởi nghiệp nào được khuyến khích trong bài học?",
                "explanation": ("Ý tưởng tốt thường bắt đầu từ một vấn đề thật mà nhiều người gặp phải."),
                "choices": [
                    {"text": "Chọn công nghệ đang thịnh hành rồi tìm cách dùng", "correct": False},
                    {"text": "Bắt đầu từ vấn đề thật mà nhiều người gặp phải", "correct": True},
                    {"text": "Sao chép nguyên một mô hình nước ngoài", "correct": False},
                    {"text": "Chờ có vốn lớn rồi mới nghĩ ý tưởng", "correct": False},
                ],
            },
            {
                "kind": "multiple",
                "text": "Thỏa thuận nhóm khởi nghiệp nên có những nội dung nào?",
                "explanation": (
                    "Thỏa thuận nhóm nên nêu mục tiêu, phân công, cách ra quyết định, quyền với "
                    "ý tưởng và cách xử lý khi có người rời nhóm. Điểm số học tập của từng người "
                    "không phải nội dung cần thiết."
                ),
                "choices": [
                    {"text": "Phân công và cách ra quyết định khi bất đồng", "correct": True},
                    {"text": "Xử lý thế nào khi có thành viên rời nhóm", "correct": True},
                    {"text": "Điểm trung bình học tập của từng thành viên", "correct": False},
                    {"text": "Cách chia tiền thưởng, doanh thu", "correct": True},
                ],
            },
            {
                "kind": "true_false",
                "text": ("Câu hỏi “Nếu mình làm sản phẩm này, bạn có mua không?” là câu hỏi phỏng vấn tốt."),
                "explanation": (
                    "Sai. Câu hỏi giả định về tương lai dễ nhận câu trả lời lịch sự nhưng không "
                    "đáng tin; nên hỏi về việc người đó đã làm."
                ),
                "choices": [
                    {"text": "Đúng", "correct": False},
                    {"text": "Sai", "correct": True},
                ],
            },
            {
                "kind": "single",
                "text": "Đề án nào của Thủ tướng Chính phủ hỗ trợ học sinh, sinh viên khởi nghiệp?",
                "explanation": (
                    "Đề án 1665 (năm 2017) hỗ trợ học sinh, sinh viên khởi nghiệp, do Bộ Giáo dục và Đào tạo chủ trì."
                ),
                "choices": [
                    {"text": "Đề án 844", "correct": False},
                    {"text": "Đề án 939", "correct": False},
                    {"text": "Đề án 1665", "correct": True},
                    {"text": "Chương trình OCOP", "correct": False},
                ],
            },
        ],
    },
}

# ---------------------------------------------------------------------------
# KHÓA 3 — PHỤ NỮ KHỞI NGHIỆP
# ---------------------------------------------------------------------------

_WOMEN_M1 = {
    "slug": "phu-nu-khoi-nghiep-tu-the-manh",
    "title": "Khởi nghiệp từ thế mạnh của phụ nữ",
    "intro": (
        "Mô-đun dành cho chị em hội viên, phụ nữ làm kinh tế hộ và chủ cơ sở nhỏ: nhận ra thế "
        "mạnh sẵn có, biết các nguồn hỗ trợ theo Đề án 939, quản lý tiền kinh doanh tách bạch "
        "với tiền gia đình, vay vốn an toàn và bán hàng trực tuyến hiệu quả nhờ mạng lưới."
    ),
    "lessons": [
        {
            "slug": "bat-dau-tu-the-manh-va-nguon-ho-tro",
            "title": "Bắt đầu từ thế mạnh của mình và các nguồn hỗ trợ",
            "minutes": 60,
            "body": [
                ("heading", "Chị đã có nhiều hơn chị nghĩ"),
                (
                    "paragraph",
                    "<p>Nhiều chị em nghĩ khởi nghiệp phải có nhiều vốn hay bằng cấp cao. Thực "
                    "tế, phần lớn cơ sở do phụ nữ làm chủ bắt đầu từ <b>những gì sẵn có</b>:</p>"
                    "<ul>"
                    "<li><b>Tay nghề</b>: nấu ăn, làm bánh, may vá, đan lát, chăm sóc cây "
                    "trồng, vật nuôi.</li>"
                    "<li><b>Hiểu biết</b>: về khách hàng trong xóm, chợ quê; về đặc sản, công "
                    "thức gia đình.</li>"
                    "<li><b>Mối quan hệ</b>: chị em trong chi hội, tổ tiết kiệm, người thân đi "
                    "làm xa.</li>"
                    "<li><b>Tài sản nhỏ</b>: mảnh vườn, căn bếp, chiếc điện thoại thông "
                    "minh.</li>"
                    "</ul>"
                    "<p>Câu hỏi để chọn ý tưởng: <i>Việc gì mình làm giỏi, người khác sẵn "
                    "sàng trả tiền, và mình làm được mà vẫn lo được cho gia đình?</i></p>",
                ),
                (
                    "paragraph",
                    "<p><b>Nguồn hỗ trợ dành cho phụ nữ khởi nghiệp:</b></p>"
                    "<ul>"
                    "<li><b>Đề án 939</b> “Hỗ trợ phụ nữ khởi nghiệp” (Quyết định 939/QĐ-TTg "
                    "năm 2017) do Hội Liên hiệp Phụ nữ chủ trì: tập huấn, tư vấn, cuộc thi ý "
                    "tưởng, kết nối thị trường, hỗ trợ thành lập tổ hợp tác, hợp tác xã do phụ "
                    "nữ quản lý.</li>"
                    "<li><b>Vốn vay ưu đãi</b> qua tổ tiết kiệm và vay vốn do Hội Phụ nữ quản "
                    "lý (nhận ủy thác của Ngân hàng Chính sách xã hội) và các chương trình tín "
                    "dụng khác của Hội.</li>"
                    "<li><b>Chương trình OCOP</b>: hỗ trợ hoàn thiện sản phẩm, bao bì, xúc tiến "
                    "thương mại.</li>"
                    "<li><b>Ngày hội khởi nghiệp</b> và các hội chợ: gian hàng giới thiệu sản "
                    "phẩm, gặp khách hàng và cố vấn.</li>"
                    "</ul>"
                    "<p>Đầu mối gần nhất: chi hội, Hội Phụ nữ xã, phường.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "text": (
                            "Bàn với gia đình trước khi bắt đầu: thời gian dành cho công việc, ai "
                            "hỗ trợ việc nhà, số tiền có thể dùng để thử. Sự đồng thuận của gia "
                            "đình là “vốn” quan trọng nhất của nhiều chị em."
                        ),
                    },
                ),
                (
                    "case_study",
                    {
                        "name": "Chị làm tương ớt theo công thức gia đình",
                        "area": "Phú Ninh",
                        "summary": (
                            "<p>Một chị nông dân nổi tiếng trong xóm với món tương ớt. Chị bắt đầu "
                            "bằng 30 hũ bán cho người quen, ghi lại nhận xét của từng người. Chi "
                            "hội phụ nữ giới thiệu chị tham gia lớp tập huấn khởi nghiệp, ở đó chị "
                            "học cách tính giá vốn và nhận ra mình đang bán lỗ vì chưa tính công "
                            "và hũ thủy tinh. Sau khi điều chỉnh giá, làm nhãn đúng quy định và "
                            "có giấy tờ về an toàn thực phẩm, chị bán được cho hai quán ăn và "
                            "một cửa hàng đặc sản; chồng chị phụ trách giao hàng.</p>"
                        ),
                        "takeaway": (
                            "Bắt đầu nhỏ từ tay nghề sẵn có, tính đúng giá và tận dụng mạng lưới "
                            "Hội giúp chị em đi những bước chắc chắn."
                        ),
                    },
                ),
                (
                    "exercise",
                    {
                        "title": "Bông hoa thế mạnh",
                        "instructions": (
                            "<p>Mỗi chị vẽ một bông hoa 4 cánh. Nhụy hoa: tên mình. Bốn cánh: "
                            "<b>Tôi giỏi gì?</b> — <b>Tôi biết gì?</b> — <b>Tôi quen ai?</b> — "
                            "<b>Tôi có gì?</b> Mỗi cánh ghi ít nhất 3 ý. Sau đó ghép cặp: bạn "
                            "cùng cặp đọc bông hoa và gợi ý 2 ý tưởng kinh doanh từ đó. Chọn một ý "
                            "tưởng và viết một việc nhỏ sẽ làm trong tuần tới.</p>"
                        ),
                        "minutes": 25,
                    },
                ),
            ],
            "guide": {
                "steps": [
                    {
                        "minutes": 10,
                        "activity": (
                            "Làm quen: mỗi chị giới thiệu tên và một món mình làm ngon nhất hoặc "
                            "việc mình làm khéo nhất."
                        ),
                        "materials": "",
                    },
                    {
                        "minutes": 10,
                        "activity": ("Trình bày về thế mạnh sẵn có và các nguồn hỗ trợ; giới thiệu đầu mối Hội."),
                        "materials": "Tranh ảnh hoặc slide ít chữ, danh bạ đầu mối",
                    },
                    {
                        "minutes": 10,
                        "activity": ("Kể tình huống chị làm tương ớt; hỏi: chị ấy đã dùng thế mạnh nào?"),
                        "materials": "Phiếu tình huống",
                    },
                    {
                        "minutes": 25,
                        "activity": "Bài tập bông hoa thế mạnh theo cặp.",
                        "materials": "Giấy A4, bút màu",
                    },
                    {
                        "minutes": 5,
                        "activity": "Một vài chị chia sẻ việc sẽ làm trong tuần tới; tổng kết.",
                        "materials": "",
                    },
                ],
                "notes": (
                    "<p>Sắp xếp lớp vào thời gian chị em thuận tiện (tránh giờ đón con, mùa "
                    "vụ); có thể bố trí góc trông trẻ nếu cần.</p><p>Với chị em ngại viết, cho "
                    "phép vẽ hoặc nói để bạn cùng cặp ghi giúp. Tránh so sánh thu nhập giữa các "
                    "chị em trong lớp.</p>"
                ),
            },
        },
        {
            "slug": "quan-ly-tien-va-vay-von-an-toan",
            "title": "Quản lý tiền kinh doanh và vay vốn an toàn",
            "minutes": 75,
            "body": [
                ("heading", "Tách bạch ba túi tiền"),
                (
                    "paragraph",
                    "<p>Lỗi phổ biến của cơ sở nhỏ là tiền bán hàng, tiền chợ, tiền học của "
                    "con để chung một chỗ, nên không biết thật sự lãi hay lỗ. Hãy chia thành "
                    "<b>ba túi</b> (có thể là ba phong bì, ba tài khoản hoặc ba trang sổ):</p>"
                    "<ol>"
                    "<li><b>Túi kinh doanh</b>: tiền bán hàng vào đây; tiền mua nguyên liệu, bao "
                    "bì, vận chuyển chi từ đây.</li>"
                    "<li><b>Túi gia đình</b>: mỗi tuần hoặc mỗi tháng, túi kinh doanh “trả "
                    "lương” cho chị một khoản cố định sang túi này.</li>"
                    "<li><b>Túi dự phòng</b>: để riêng một phần lợi nhuận cho lúc ốm đau, hàng "
                    "hỏng, mùa ế.</li>"
                    "</ol>"
                    "<p><b>Sổ thu chi</b> đơn giản gồm các cột: <i>Ngày – Nội dung – Thu – Chi – "
                    "Còn lại</i>. Ghi ngay trong ngày; cuối tuần cộng tổng thu, tổng chi; cuối "
                    "tháng so sánh với tháng trước.</p>",
                ),
                (
                    "paragraph",
                    "<p><b>Trước khi vay vốn, trả lời năm câu hỏi:</b></p>"
                    "<ul>"
                    "<li>Vay để làm gì? Khoản đó tạo ra thêm bao nhiêu tiền mỗi tháng?</li>"
                    "<li>Mỗi tháng phải trả bao nhiêu cả gốc và lãi? Có trả được cả trong tháng "
                    "bán ế không?</li>"
                    "<li>Lãi suất tính theo <b>năm</b> là bao nhiêu?</li>"
                    "<li>Có phí nào khác không (phí hồ sơ, bảo hiểm, phạt trả trước hạn)?</li>"
                    "<li>Nếu không trả được thì hậu quả gì?</li>"
                    "</ul>"
                    "<p><b>Cách quy đổi lãi suất:</b> “3.000 đồng cho mỗi triệu mỗi ngày” "
                    "nghe có vẻ nhỏ, nhưng bằng 0,3% mỗi ngày, tức khoảng <b>109,5% mỗi năm</b>. "
                    "Theo Bộ luật Dân sự, lãi suất cho vay theo thỏa thuận giữa các bên không "
                    "được vượt quá 20%/năm (trừ trường hợp luật khác quy định).</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "text": (
                            "Tránh xa “tín dụng đen” và ứng dụng vay trực tuyến không rõ nguồn "
                            "gốc: vay dễ, lãi cắt cổ, đòi nợ bằng cách đe dọa, bêu riếu người "
                            "thân. Không cung cấp danh bạ, ảnh giấy tờ, mã OTP cho người lạ. Ưu "
                            "tiên vay qua ngân hàng, tổ vay vốn của Hội và các kênh chính thức."
                        ),
                    },
                ),
                (
                    "case_study",
                    {
                        "name": "Tổ tiết kiệm và vay vốn của chi hội phụ nữ",
                        "area": "Tiên Phước",
                        "summary": (
                            "<p>Một chị bán hàng tạp hóa từng vay qua ứng dụng trên điện thoại để "
                            "nhập hàng Tết; khoản vay 10 triệu đồng sau hai tháng thành gần 18 "
                            "triệu đồng và chị bị gọi điện làm phiền liên tục. Chi hội phụ nữ "
                            "giúp chị trình báo, đồng thời hướng dẫn chị tham gia tổ tiết kiệm và "
                            "vay vốn của Hội. Chị học ghi sổ thu chi, phát hiện mỗi tháng có "
                            "khoảng 2 triệu đồng chi tiêu gia đình lấy từ tiền hàng. Một năm sau, "
                            "chị có vốn quay vòng ổn định và không phải vay nóng nữa.</p>"
                        ),
                        "takeaway": (
                            "Ghi chép và tách bạch tiền giúp biết mình cần vay bao nhiêu; vay qua "
                            "kênh chính thức bảo vệ chị em khỏi bẫy nợ."
                        ),
                    },
                ),
                (
                    "exercise",
                    {
                        "title": "Ghi sổ thu chi một tuần và quy đổi lãi suất",
                        "instructions": (
                            "<p><b>Phần 1.</b> Với bộ “hóa đơn” mẫu của một cơ sở bán bánh trong "
                            "một tuần (mua bột, đường, bao bì, tiền bán hàng, tiền chợ gia đình "
                            "lẫn vào), ghi vào sổ thu chi, tách khoản nào thuộc túi gia đình, và "
                            "tính lãi thật của tuần.</p>"
                            "<p><b>Phần 2.</b> Quy đổi ra lãi suất năm cho ba lời mời vay: (a) 2% "
                            "mỗi tháng; (b) 5.000 đồng/triệu/ngày; (c) vay 5 triệu, sau 30 ngày "
                            "trả 6 triệu. Xếp hạng từ an toàn đến nguy hiểm.</p>"
                        ),
                        "minutes": 30,
                    },
                ),
            ],
            "guide": {
                "steps": [
                    {
                        "minutes": 10,
                        "activity": (
                            "Hỏi: “Tháng trước cơ sở của chị lãi bao nhiêu?” — thường ít người trả "
                            "lời được chính xác; dẫn vào bài."
                        ),
                        "materials": "",
                    },
                    {
                        "minutes": 15,
                        "activity": ("Minh họa ba túi tiền bằng ba phong bì thật; hướng dẫn sổ thu chi."),
                        "materials": "Ba phong bì, sổ thu chi mẫu",
                    },
                    {
                        "minutes": 10,
                        "activity": (
                            "Trình bày năm câu hỏi trước khi vay, cách quy đổi lãi suất, cảnh báo tín dụng đen."
                        ),
                        "materials": "Bảng quy đổi lãi suất",
                    },
                    {
                        "minutes": 10,
                        "activity": "Kể tình huống tổ tiết kiệm và vay vốn; thảo luận.",
                        "materials": "Phiếu tình huống",
                    },
                    {
                        "minutes": 30,
                        "activity": "Bài tập ghi sổ và quy đổi lãi suất theo cặp; chữa chung.",
                        "materials": "Bộ hóa đơn mẫu, sổ thu chi, máy tính cầm tay",
                    },
                ],
                "notes": (
                    "<p>Đáp án phần 2: (a) 2%/tháng ≈ 24%/năm (lãi đơn); (b) 0,5%/ngày ≈ "
                    "182,5%/năm; (c) 20% trong 30 ngày ≈ 243%/năm. Nhấn mạnh (b), (c) là dấu "
                    "hiệu cho vay nặng lãi.</p><p>Chuẩn bị thông tin thật về chương trình vay "
                    "vốn qua Hội tại địa phương. Nếu chị em chia sẻ đang bị đòi nợ đe dọa, trao "
                    "đổi riêng sau buổi học và hướng dẫn trình báo cơ quan công an.</p>"
                ),
            },
        },
        {
            "slug": "ban-hang-truc-tuyen-va-mang-luoi",
            "title": "Bán hàng trực tuyến và sức mạnh của mạng lưới",
            "minutes": 60,
            "body": [
                ("heading", "Bán hàng bằng chiếc điện thoại"),
                (
                    "paragraph",
                    "<p>Với chiếc điện thoại thông minh, chị em có thể bán hàng cho người ở xa "
                    "qua Zalo, Facebook hoặc sàn thương mại điện tử. Năm bước bắt đầu:</p>"
                    "<ol>"
                    "<li><b>Tạo trang bán hàng riêng</b> (tài khoản Zalo kinh doanh, trang "
                    "Facebook) tách khỏi tài khoản cá nhân.</li>"
                    "<li><b>Chụp ảnh đẹp bằng điện thoại</b>: ánh sáng tự nhiên gần cửa sổ, nền "
                    "đơn giản, chụp cả sản phẩm, bao bì và cảnh làm ra sản phẩm.</li>"
                    "<li><b>Viết bài giới thiệu ngắn</b>: sản phẩm là gì, làm từ đâu, ai làm, "
                    "giá, cách đặt hàng, thời gian giao.</li>"
                    "<li><b>Trả lời tin nhắn nhanh</b> và lịch sự; chuẩn bị sẵn câu trả lời cho "
                    "các câu hỏi thường gặp.</li>"
                    "<li><b>Xin nhận xét</b> của khách đã mua (có sự đồng ý) để tạo niềm tin.</li>"
                    "</ol>",
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "text": (
                            "Cảnh giác lừa đảo khi bán hàng qua mạng: “shipper” yêu cầu chuyển "
                            "khoản phí trước, ảnh chụp màn hình chuyển khoản giả, đường link lạ "
                            "đòi đăng nhập ngân hàng, yêu cầu đọc mã OTP. Luôn kiểm tra tiền đã "
                            "thật sự vào tài khoản; không bao giờ cung cấp mã OTP cho bất kỳ ai."
                        ),
                    },
                ),
                (
                    "paragraph",
                    "<p><b>Sức mạnh của mạng lưới.</b> Một mình rất khó đáp ứng đơn hàng lớn, "
                    "chi phí bao bì, vận chuyển cao. Khi cùng nhau:</p>"
                    "<ul>"
                    "<li><b>Tổ hợp tác, hợp tác xã</b> của chị em: mua chung bao bì, nguyên liệu "
                    "giá tốt hơn; chung một thương hiệu; đủ điều kiện tham gia OCOP.</li>"
                    "<li><b>Bán chéo</b>: các chị bán sản phẩm của nhau trong một “giỏ quà quê” "
                    "(ví dụ trà + bánh + mật ong).</li>"
                    "<li><b>Hội chợ, Ngày hội khởi nghiệp</b>: thuê chung gian hàng, luân phiên "
                    "trực.</li>"
                    "<li><b>Người thân xa quê</b>: làm “đại sứ” giới thiệu sản phẩm ở thành "
                    "phố.</li>"
                    "</ul>",
                ),
                (
                    "case_study",
                    {
                        "name": "Nhóm chị em trồng bưởi bán giỏ quà Tết",
                        "area": "Nông Sơn",
                        "summary": (
                            "<p>Năm chị em trồng bưởi trong một chi hội trước đây bán riêng lẻ cho "
                            "thương lái. Các chị lập một trang bán hàng chung, cùng đặt in hộp "
                            "đựng quà có câu chuyện về vườn bưởi ven sông, ghép thêm trà và bánh "
                            "của chị em xã bên để làm giỏ quà Tết. Con cháu đi làm ở Đà Nẵng giới "
                            "thiệu cho đồng nghiệp, các công ty đặt mua làm quà cho nhân viên. Các "
                            "chị luân phiên nhau chụp ảnh, trả lời tin nhắn và đóng hàng; một chị "
                            "giữ sổ thu chi chung, công khai hằng tuần.</p>"
                        ),
                        "takeaway": (
                            "Cùng nhau làm chung thương hiệu, chia việc rõ ràng và minh bạch tiền "
                            "bạc giúp chị em bán được đơn hàng lớn mà một người khó làm được."
                        ),
                    },
                ),
                (
                    "exercise",
                    {
                        "title": "Đăng bài bán hàng đầu tiên",
                        "instructions": (
                            "<p>Theo nhóm 3 người, mỗi chị dùng điện thoại của mình:</p>"
                            "<ol>"
                            "<li>Chụp 3 ảnh sản phẩm mang đến lớp (tổng thể, cận cảnh, bao bì) "
                            "theo hướng dẫn ánh sáng và nền.</li>"
                            "<li>Viết bài giới thiệu dưới 80 chữ theo gợi ý: là gì – từ đâu – ai "
                            "làm – giá – cách đặt.</li>"
                            "<li>Đổi điện thoại cho bạn cùng nhóm đóng vai khách hỏi 2 câu; trả "
                            "lời như thật.</li>"
                            "</ol>"
                            "<p>Chọn 2 bài hay nhất để cả lớp xem và góp ý.</p>"
                        ),
                        "minutes": 25,
                    },
                ),
            ],
            "guide": {
                "steps": [
                    {
                        "minutes": 5,
                        "activity": "Khảo sát: ai đã bán hàng qua Zalo, Facebook? Khó nhất là gì?",
                        "materials": "",
                    },
                    {
                        "minutes": 15,
                        "activity": (
                            "Hướng dẫn năm bước, trình diễn chụp ảnh bằng điện thoại ngay tại "
                            "lớp; cảnh báo các kiểu lừa đảo."
                        ),
                        "materials": "Điện thoại, sản phẩm mẫu, tấm vải/giấy làm nền",
                    },
                    {
                        "minutes": 10,
                        "activity": ("Kể tình huống nhóm chị em trồng bưởi; thảo luận cách làm chung ở địa phương."),
                        "materials": "Phiếu tình huống",
                    },
                    {
                        "minutes": 25,
                        "activity": "Bài tập đăng bài bán hàng theo nhóm; xem và góp ý hai bài.",
                        "materials": "Điện thoại của học viên, sản phẩm học viên mang đến",
                    },
                    {
                        "minutes": 5,
                        "activity": ("Tổng kết khóa học; giới thiệu bài kiểm tra và đầu mối Hội để được hỗ trợ tiếp."),
                        "materials": "Danh bạ đầu mối",
                    },
                ],
                "notes": (
                    "<p>Dặn trước chị em mang theo sản phẩm và điện thoại đã sạc pin. Mời một "
                    "đoàn viên thanh niên hỗ trợ chị em lớn tuổi thao tác trên điện thoại.</p>"
                    "<p>Không yêu cầu chị em đăng thật lên mạng trong lớp nếu chưa sẵn sàng; "
                    "có thể lưu nháp. Nhắc về việc xin phép khi đăng ảnh, thông tin của khách "
                    "hàng.</p>"
                ),
            },
        },
    ],
    "quiz": {
        "slug": "kiem-tra-phu-nu-khoi-nghiep",
        "title": "Kiểm tra: Phụ nữ khởi nghiệp",
        "pass_mark": 70,
        "questions": [
            {
                "kind": "single",
                "text": (
                    "Lời mời vay “3.000 đồng cho mỗi triệu mỗi ngày” tương đương lãi suất khoảng bao nhiêu một năm?"
                ),
                "explanation": (
                    "0,3% mỗi ngày × 365 ngày ≈ 109,5% mỗi năm — cao hơn nhiều lần mức 20%/năm theo Bộ luật Dân sự."
                ),
                "choices": [
                    {"text": "Khoảng 3% một năm", "correct": False},
                    {"text": "Khoảng 30% một năm", "correct": False},
                    {"text": "Khoảng 109,5% một năm", "correct": True},
                    {"text": "Khoảng 12% một năm", "correct": False},
                ],
            },
            {
                "kind": "multiple",
                "text": ("Những việc nào giúp quản lý tiền kinh doanh tốt hơn? (Chọn tất cả đáp án đúng)"),
                "explanation": (
                    "Tách túi kinh doanh và túi gia đình, ghi sổ thu chi hằng ngày và để dành "
                    "dự phòng đều giúp biết lãi lỗ thật. Lấy tiền hàng chi tiêu gia đình tùy ý "
                    "làm mất kiểm soát."
                ),
                "choices": [
                    {"text": "Tách tiền kinh doanh với tiền chi tiêu gia đình", "correct": True},
                    {"text": "Ghi sổ thu chi ngay trong ngày", "correct": True},
                    {"text": "Lấy tiền bán hàng chi tiêu gia đình lúc nào cần", "correct": False},
                    {"text": "Để riêng một khoản dự phòng", "correct": True},
                ],
            },
            {
                "kind": "true_false",
                "text": ("Khi bán hàng qua mạng, có thể đọc mã OTP cho “shipper” để nhận tiền hàng nhanh hơn."),
                "explanation": (
                    "Sai. Mã OTP tuyệt đối không cung cấp cho bất kỳ ai; đây là thủ đoạn lừa đảo phổ biến."
                ),
                "choices": [
                    {"text": "Đúng", "correct": False},
                    {"text": "Sai", "correct": True},
                ],
            },
            {
                "kind": "single",
                "text": "Đề án 939 về hỗ trợ phụ nữ khởi nghiệp do tổ chức nào chủ trì?",
                "explanation": ("Đề án 939 (Quyết định 939/QĐ-TTg năm 2017) do Hội Liên hiệp Phụ nữ Việt Nam chủ trì."),
                "choices": [
                    {"text": "Hội Liên hiệp Phụ nữ Việt Nam", "correct": True},
                    {"text": "Bộ Giáo dục và Đào tạo", "correct": False},
                    {"text": "Ngân hàng Nhà nước Việt Nam", "correct": False},
                    {"text": "Hội Nông dân Việt Nam", "correct": False},
                ],
            },
            {
                "kind": "true_false",
                "text": (
                    "Tham gia tổ hợp tác, hợp tác xã giúp chị em mua chung nguyên liệu, bao bì và "
                    "đáp ứng đơn hàng lớn hơn."
                ),
                "explanation": (
                    "Đúng. Làm chung giúp giảm chi phí, chung thương hiệu và có thể đủ điều kiện tham gia OCOP."
                ),
                "choices": [
                    {"text": "Đúng", "correct": True},
                    {"text": "Sai", "correct": False},
                ],
            },
        ],
    },
}

# ---------------------------------------------------------------------------
# DANH SÁCH KHÓA HỌC
# ---------------------------------------------------------------------------

CURRICULUM: list[dict] = [
    {
        "slug": "tot-khoi-nghiep-doi-moi-sang-tao",
        "title": "Đào tạo giảng viên nguồn về khởi nghiệp đổi mới sáng tạo",
        "summary": (
            "Chương trình đào tạo giảng viên nguồn (ToT) trang bị kiến thức về hệ sinh thái khởi "
            "nghiệp đổi mới sáng tạo, mô hình kinh doanh, gọi vốn, thương mại hóa kết quả nghiên "
            "cứu, OCOP và phương pháp giảng dạy cho người lớn. Học viên hoàn thành giảng thử và "
            "tổ chức lớp lan tỏa tại địa bàn để được chứng nhận."
        ),
        "objectives": [
            "Giải thích được các chủ thể của hệ sinh thái khởi nghiệp và các đề án 844, 939, 1665, "
            "kết nối người học với đúng đầu mối hỗ trợ ở địa phương.",
            "Hướng dẫn người học kiểm chứng ý tưởng bằng phỏng vấn khách hàng, thẻ thử nghiệm và "
            "sản phẩm khả thi tối thiểu.",
            "Sử dụng Bức tranh mô hình kinh doanh, tính hòa vốn và tư vấn nguồn vốn phù hợp cho từng loại dự án.",
            "Hỗ trợ chủ thể OCOP và nhà khoa học nâng cấp sản phẩm, bảo vệ tài sản trí tuệ và thương mại hóa.",
            "Thiết kế, điều phối và đánh giá một buổi học khởi nghiệp cho người lớn theo phương pháp có sự tham gia.",
        ],
        "audiences": ["cadres", "youth", "women", "entrepreneurs"],
        "tags": [
            "Hệ sinh thái",
            "Mô hình kinh doanh",
            "Gọi vốn",
            "OCOP",
            "Thương mại hóa kết quả nghiên cứu",
        ],
        "level": "intermediate",
        "hours": 32,
        "is_tot": True,
        # Certification quizzes: three attempts, then the trainer follows up in person.
        "quiz_attempts": 3,
        "modules": [_TOT_M1, _TOT_M2, _TOT_M3, _TOT_M4, _TOT_M5, _TOT_M6, _TOT_M7],
    },
    {
        "slug": "khoi-nghiep-cho-hoc-sinh-sinh-vien",
        "title": "Khởi nghiệp cho học sinh, sinh viên",
        "summary": (
            "Khóa học ngắn giúp học sinh, sinh viên tìm ý tưởng từ vấn đề thật, kiểm chứng với "
            "khách hàng, vẽ mô hình kinh doanh tinh gọn và thuyết trình để tham gia câu lạc bộ, "
            "cuộc thi khởi nghiệp."
        ),
        "objectives": [
            "Xác định được vấn đề đáng giải quyết và viết thành câu hỏi “Làm thế nào để...”.",
            "Phỏng vấn ít nhất 5 người để kiểm chứng ý tưởng và điền mô hình kinh doanh tinh gọn.",
            "Lập thỏa thuận nhóm và thuyết trình ý tưởng ngắn gọn theo cấu trúc 5 phần.",
        ],
        "audiences": ["students", "youth"],
        "tags": ["Ý tưởng khởi nghiệp", "Mô hình kinh doanh", "Thuyết trình"],
        "level": "basic",
        "hours": 3,
        "is_tot": False,
        "modules": [_STUDENT_M1],
    },
    {
        "slug": "phu-nu-khoi-nghiep",
        "title": "Phụ nữ khởi nghiệp",
        "summary": (
            "Khóa học ngắn dành cho phụ nữ và chủ cơ sở nhỏ: khởi nghiệp từ thế mạnh sẵn có, quản "
            "lý tiền và vay vốn an toàn, bán hàng trực tuyến và làm việc cùng nhau trong mạng "
            "lưới Hội."
        ),
        "objectives": [
            "Nhận diện thế mạnh sẵn có và các nguồn hỗ trợ phụ nữ khởi nghiệp theo Đề án 939.",
            "Tách bạch tiền kinh doanh với tiền gia đình, ghi sổ thu chi và đánh giá an toàn của một khoản vay.",
            "Đăng bài bán hàng trực tuyến hiệu quả, phòng tránh lừa đảo và hợp tác bán hàng cùng chị em.",
        ],
        "audiences": ["women", "entrepreneurs"],
        "tags": ["Phụ nữ khởi nghiệp", "Quản lý tài chính", "Bán hàng trực tuyến"],
        "level": "basic",
        "hours": 4,
        "is_tot": False,
        "modules": [_WOMEN_M1],
    },
]
