"""Generic sentences, unrelated to any document, in several languages.

Their embeddings give every document pair a neutral reference: the centering
mean of a short document leans on them instead of on its own two or three
sentences, and every sentence has unrelated neighbours to measure its margin
against, however short the other document is.
"""

BACKGROUND = (
    "The weather will stay dry and sunny for most of the week.",
    "She bought fresh bread and vegetables at the market this morning.",
    "The company reported higher profits in the third quarter.",
    "Scientists discovered a new species of frog in the rainforest.",
    "The museum opens at nine o'clock and closes at five.",
    "Our team lost the final match after extra time.",
    "Please read the instructions carefully before installing the software.",
    "The train to the airport leaves every twenty minutes.",
    "يتوقع أن يكون الطقس مشمسا وجافا معظم أيام الأسبوع.",
    "اشترت خبزا طازجا وخضروات من السوق صباح اليوم.",
    "أعلنت الشركة عن ارتفاع أرباحها في الربع الثالث.",
    "اكتشف العلماء نوعا جديدا من الضفادع في الغابة المطيرة.",
    "يفتح المتحف أبوابه في الساعة التاسعة ويغلق في الخامسة.",
    "خسر فريقنا المباراة النهائية بعد الوقت الإضافي.",
    "Thời tiết sẽ khô ráo và nắng trong hầu hết các ngày trong tuần.",
    "Sáng nay cô ấy mua bánh mì và rau tươi ở chợ.",
    "Công ty báo cáo lợi nhuận tăng trong quý ba.",
    "Các nhà khoa học phát hiện một loài ếch mới trong rừng mưa.",
    "Bảo tàng mở cửa lúc chín giờ và đóng cửa lúc năm giờ.",
    "Đội của chúng tôi thua trận chung kết sau hiệp phụ.",
    "Le musée ouvre à neuf heures et ferme à dix-sept heures.",
    "Die Firma meldete im dritten Quartal höhere Gewinne.",
    "El tren al aeropuerto sale cada veinte minutos.",
    "科学家在雨林中发现了一种新的青蛙。",
)
